import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  defaultDataDir,
  firstUnsearchableAncestor,
  installBinaries,
  ROOT_STATE_DIR,
  rootStateHome,
} from './embedded';

describe('firstUnsearchableAncestor', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-perm-'));
  });
  afterEach(() => {
    fs.chmodSync(root, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('names the folder others cannot enter on the way to the data folder', () => {
    fs.mkdirSync(path.join(root, 'home', 'me'), { recursive: true });
    fs.chmodSync(path.join(root, 'home'), 0o700);
    fs.chmodSync(root, 0o755);
    expect(firstUnsearchableAncestor(path.join(root, 'home', 'me', '.data'))).toBe(path.join(root, 'home'));
    fs.chmodSync(path.join(root, 'home'), 0o755);
  });

  it('finds nothing when every existing folder is searchable', () => {
    fs.chmodSync(root, 0o755);
    expect(firstUnsearchableAncestor(path.join(root, 'not', 'yet', 'there'))).toBeUndefined();
  });
});

describe('where the embedded database lives', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-home-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keys the root folder by the checkout: the same on every start, another for another checkout', () => {
    const a = path.join(root, 'a', 'checkout');
    const b = path.join(root, 'b', 'checkout');
    fs.mkdirSync(a, { recursive: true });
    fs.mkdirSync(b, { recursive: true });
    fs.symlinkSync(a, path.join(root, 'link'));
    expect(rootStateHome(a)).toBe(rootStateHome(a));
    expect(rootStateHome(path.join(root, 'link'))).toBe(rootStateHome(a)); // the real path counts
    expect(rootStateHome(a)).not.toBe(rootStateHome(b));
    expect(path.dirname(rootStateHome(a))).toBe(ROOT_STATE_DIR);
    expect(path.basename(rootStateHome(a))).toMatch(/^checkout-[0-9a-f]{12}$/);
  });

  it('is .data in the checkout for other users, and the root folder for root', () => {
    expect(defaultDataDir(root, false)).toBe(path.join(root, '.data'));
    expect(defaultDataDir(root, true)).toBe(rootStateHome(root));
  });

  it("keeps root's data in .data where an earlier start left it and the postgres user can reach it", () => {
    fs.mkdirSync(path.join(root, '.data', 'pg'), { recursive: true });
    fs.writeFileSync(path.join(root, '.data', 'pg', 'PG_VERSION'), '18\n');
    fs.chmodSync(root, 0o755);
    expect(defaultDataDir(root, true)).toBe(path.join(root, '.data'));
    fs.chmodSync(root, 0o700);
    expect(defaultDataDir(root, true)).toBe(rootStateHome(root));
  });
});

describe('installBinaries', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-bin-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('copies an installation others cannot read into one they can, links and all, once', () => {
    const src = path.join(root, 'private', 'native');
    fs.mkdirSync(path.join(src, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(src, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(src, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o700 });
    fs.writeFileSync(path.join(src, 'lib', 'libpq.so.5.18'), 'lib', { mode: 0o600 });
    fs.symlinkSync('libpq.so.5.18', path.join(src, 'lib', 'libpq.so.5'));
    fs.chmodSync(path.join(src, 'bin'), 0o700);
    const target = path.join(root, 'state', 'postgresql-18');

    installBinaries(src, target);
    const mode = (p: string) => fs.statSync(path.join(target, p)).mode & 0o777;
    expect(mode('bin')).toBe(0o755);
    expect(mode('bin/postgres')).toBe(0o755);
    expect(mode('lib/libpq.so.5.18')).toBe(0o644);
    expect(fs.readlinkSync(path.join(target, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(fs.statSync(path.join(root, 'state')).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(path.join(root, 'state'))).toEqual(['postgresql-18']); // no partial copy left

    // A finished copy is reused as it is; an unfinished one (no .complete) is replaced.
    fs.writeFileSync(path.join(target, 'bin', 'marker'), 'kept');
    installBinaries(src, target);
    expect(fs.existsSync(path.join(target, 'bin', 'marker'))).toBe(true);
    fs.rmSync(path.join(target, '.complete'));
    installBinaries(src, target);
    expect(fs.existsSync(path.join(target, 'bin', 'marker'))).toBe(false);
    expect(fs.existsSync(path.join(target, '.complete'))).toBe(true);
  });
});
