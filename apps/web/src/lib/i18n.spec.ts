import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ERROR_CODES } from '@ca/shared';
import { CLIENT_ERROR_CODES } from './http';
import { LANGUAGE_STORAGE_KEY, detectLanguage, i18n, resources, setLanguage } from './i18n';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a resource tree, dotted: `editions.phase.hacking`. */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Keys with plural forms folded into one (`days_one`, `days_few` → `days`): languages differ there. */
const logicalKeys = (tree: Tree) => new Set(leafKeys(tree).map((k) => k.replace(PLURAL, '')));

/** Keys one tree has and the other lacks, both ways. */
function keyDifference(a: Tree, b: Tree): { onlyInA: string[]; onlyInB: string[] } {
  const ka = logicalKeys(a);
  const kb = logicalKeys(b);
  return {
    onlyInA: [...ka].filter((k) => !kb.has(k)).sort(),
    onlyInB: [...kb].filter((k) => !ka.has(k)).sort(),
  };
}

const en = resources.en.translation as unknown as Tree;
const ro = resources.ro.translation as unknown as Tree;
const flat = (tree: Tree) => {
  const out = new Map<string, string>();
  const walk = (t: Tree, p: string) =>
    Object.entries(t).forEach(([k, v]) => (typeof v === 'string' ? out.set(p + k, v) : walk(v, `${p}${k}.`)));
  walk(tree, '');
  return out;
};

/** Where Romanian text people read lives, outside the web locale files (repository-relative). */
const SCANNED_FOR_CEDILLAS = ['apps/api/src', 'packages/shared/src', 'apps/web/src', 'docs'];
/** The cedilla look-alikes of ș ț (U+015E, U+015F, U+0162, U+0163), written as escapes here. */
const CEDILLA = /[\u015e\u015f\u0162\u0163]/;

/** Source and text files under `dirs`; tests are left out, as they hold cedillas to reject them. */
function scannedFiles(root: string, dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory())
        return ['node_modules', 'dist', '__tests__', 'test'].includes(entry.name) ? [] : walk(full);
      return /\.(ts|tsx|json|md|sql|html|txt|hbs)$/.test(entry.name) &&
        !/\.(spec|e2e-spec|test)\.tsx?$/.test(entry.name)
        ? [full]
        : [];
    });
  return dirs.flatMap((d) => (fs.existsSync(path.join(root, d)) ? walk(path.join(root, d)) : []));
}

/** `file:line: text` of each line with a cedilla form. */
function cedillaLines(root: string, dirs: string[]): string[] {
  return scannedFiles(root, dirs).flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        CEDILLA.test(line) ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('locales', () => {
  it('English and Romanian have exactly the same keys', () => {
    expect(keyDifference(en, ro)).toEqual({ onlyInA: [], onlyInB: [] });
  });

  it('notices one missing key (the comparison itself can fail)', () => {
    const broken = JSON.parse(JSON.stringify(ro)) as Tree;
    delete ((broken.editions as Tree).timeline as Tree).submissionDeadline;
    expect(keyDifference(en, broken).onlyInA).toEqual(['editions.timeline.submissionDeadline']);
  });

  it.each(['en', 'ro'] as const)('every plural key in %s has each form the language needs', (lng) => {
    const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const keys = leafKeys(resources[lng].translation as unknown as Tree);
    const pluralBases = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    expect(pluralBases.size).toBeGreaterThan(0);
    for (const base of pluralBases) for (const form of forms) expect(keys).toContain(`${base}_${form}`);
  });

  it.each(['en', 'ro'] as const)('%s translates every error code of the API and of the client', (lng) => {
    const errors = resources[lng].translation.errors as Record<string, string>;
    for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
      expect({ code, message: errors[code]?.trim() || undefined }).toEqual({
        code,
        message: expect.any(String),
      });
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort().join(',');
    const enFlat = flat(en);
    let compared = 0;
    for (const [key, roValue] of flat(ro)) {
      // A Romanian plural form (`_few`) answers to the English `_other`.
      const enValue = enFlat.get(key) ?? enFlat.get(key.replace(PLURAL, '_other'));
      if (enValue === undefined) continue; // a missing key fails the first test
      compared += 1;
      expect({ key, placeholders: placeholders(roValue) }).toEqual({
        key,
        placeholders: placeholders(enValue),
      });
    }
    expect(compared).toBe(flat(ro).size);
  });

  it('writes Romanian with comma-below ș and ț, not the cedilla look-alikes', () => {
    const text = [...flat(ro).values()].join('\n');
    expect(text).not.toMatch(/[şţŞŢ]/);
    expect(text).toMatch(/[ăâîșț]/);
  });

  it('writes no cedilla ş ţ anywhere else people read Romanian: API mails and seed, shared package, web sources', () => {
    const repo = path.resolve(__dirname, '../../../..');
    const offenders = cedillaLines(repo, SCANNED_FOR_CEDILLAS);
    expect(offenders).toEqual([]);
    // The scan reads what it should: the demo seed's Romanian and the web's Romanian locale.
    expect(scannedFiles(repo, SCANNED_FOR_CEDILLAS).map((f) => path.relative(repo, f))).toEqual(
      expect.arrayContaining([
        'apps/api/src/modules/seed/demo-data.ts',
        'apps/web/src/locales/ro/common.json',
        'packages/shared/src/index.ts',
      ]),
    );
  });

  it('names the file and line of a cedilla (the scan itself can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedilla-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'mail.ts'), `const a = 'Bună';\nconst b = 'Mul\u0163umim';\n`);
    fs.writeFileSync(path.join(dir, 'src', 'ok.spec.ts'), `expect(x).not.toMatch(/\u015f/); // '\u015f'\n`);
    expect(cedillaLines(dir, ['src'])).toEqual(["src/mail.ts:2: const b = 'Mul\u0163umim';"]);
    fs.rmSync(dir, { recursive: true });
  });

  it('addresses people in Romanian with the formal dumneavoastră, never tu or voi', () => {
    // The pronouns and possessives of tu and voi, the tu-only verb forms, and a tu imperative
    // opening a sentence ("Deschide", not "Deschideți").
    const pronoun =
      /(?<![\p{L}])(tu|te|ți|tău|ta|tale|tine|vostru|voastră|voștri|voastre|vouă|ești|poți|vrei)(?![\p{L}])/iu;
    const imperative =
      /(?:^|[.:;!?]\s+)(Alege|Deschide|Salvează|Apasă|Scrie|Trimite|Adaugă|Verifică|Încearcă|Mergi|Vezi|Citește|Folosește|Completează|Caută|Creează|Intră)(?![\p{L}])/u;
    const offenders = [...flat(ro).entries()]
      .filter(([, v]) => pronoun.test(v) || imperative.test(v))
      .map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
    expect([...flat(ro).values()].join('\n')).toMatch(/dumneavoastră/);
  });
});

describe('language', () => {
  afterEach(async () => {
    await setLanguage('en');
    window.localStorage.clear();
  });

  it('switches, remembers the choice and keeps <html lang> in sync', async () => {
    await setLanguage('ro');
    expect(i18n.t('editions.timeline.submissionDeadline')).toBe('Termen de predare');
    expect(document.documentElement.lang).toBe('ro');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ro');
    expect(detectLanguage()).toBe('ro');

    await setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('editions.timeline.submissionDeadline')).toBe('Submission deadline');
  });

  it('falls back to the browser language when nothing is stored', () => {
    window.localStorage.clear();
    const spy = jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['ro-RO', 'en']);
    expect(detectLanguage()).toBe('ro');
    spy.mockReturnValue(['de-DE']);
    expect(detectLanguage()).toBe('en');
    spy.mockRestore();
  });
});
