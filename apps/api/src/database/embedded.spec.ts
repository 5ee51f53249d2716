import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstUnsearchableAncestor } from './embedded';

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
