import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * No user-facing string outside the locale files: every `.ts`/`.tsx` file of the web app is parsed
 * with the TypeScript compiler and a finding names `file:line` and the text. What counts as
 * user-facing:
 * - JSX text with a letter (`<Button>Save</Button>`);
 * - a string with a letter given to a user-facing prop (`label`, `placeholder`, `title`, `alt`,
 *   `aria-label`, `description`, `error`, `message`, … and any prop ending in `Label`, `Title`,
 *   `Message`, `Text`, `Placeholder` or `Description`), also inside a condition or a template;
 * - a string with a letter as a JSX child expression (`{open ? 'Close' : 'Open'}`);
 * - the user-facing keys of objects and arrays given to a prop (`data={[{ label: 'English' }]}`);
 * - the same user-facing keys in an object literal given to Mantine's notifications or modals
 *   (`notifications.show({ title: 'Saved' })`);
 * - a default text given to i18next (`t('key', 'Fallback')`, `{ defaultValue: 'Fallback' }`) and
 *   a text given to `alert`, `confirm` or `prompt`.
 * A call's arguments are not looked into otherwise (`label={t('auth.email')}` gives a key).
 */

/** Texts that are the same in every language. Keep this short: a new entry needs a reason. */
export const ALLOWED_TEXTS = new Set<string>([
  'Challenge Accepted', // the brand name
]);

const USER_FACING_PROPS = new Set([
  'label',
  'placeholder',
  'title',
  'alt',
  'description',
  'error',
  'message',
  'caption',
  'tooltip',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);
const USER_FACING_SUFFIX = /(Label|Title|Message|Text|Placeholder|Description)$/;
const isUserFacing = (name: string) => USER_FACING_PROPS.has(name) || USER_FACING_SUFFIX.test(name);

const LETTER = /\p{L}/u;

/** Calls whose object argument is shown to people: Mantine's notifications and modals. */
const NOTIFYING_CALL =
  /(^|\.)(notifications\.(show|update)|showNotification|updateNotification|modals\.\w+|open\w*Modal)$/;
const DIALOG_CALL = /^(window\.)?(alert|confirm|prompt)$/;
/** i18next's `t` (and `i18n.t`): a second argument that is a string is a default text. */
const TRANSLATE_CALL = /(^|\.)t$/;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function propName(name: ts.PropertyName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return undefined;
}

/**
 * The literal texts an expression may evaluate to: through parentheses, conditions, `??`/`||`/`&&`,
 * `+` and templates; not into calls (their arguments are keys or values, not texts).
 */
function literalTexts(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) {
    const parts: ts.Node[] = [node.head, ...node.templateSpans.map((s) => s.literal)];
    return [
      ...parts.filter((p) => LETTER.test((p as ts.TemplateLiteralLikeNode).text)).slice(0, 1),
      ...node.templateSpans.flatMap((s) => literalTexts(s.expression)),
    ];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return literalTexts(node.expression);
  // Options and series given as data (`data={[{ value: 'en', label: 'English' }]}`).
  if (ts.isArrayLiteralExpression(node))
    return node.elements.flatMap((e) => (ts.isSpreadElement(e) ? [] : literalTexts(e)));
  if (ts.isObjectLiteralExpression(node))
    return node.properties.flatMap((p) => {
      const name = ts.isPropertyAssignment(p) ? propName(p.name) : undefined;
      return name && isUserFacing(name) ? literalTexts((p as ts.PropertyAssignment).initializer) : [];
    });
  if (ts.isConditionalExpression(node))
    return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(node.right);
  }
  return [];
}

const textOf = (node: ts.Node, source: ts.SourceFile): string =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
      ? node.text
      : node.getText(source);

/** The user-facing literal strings of one source file. */
export function findLiteralStrings(file: string, code: string): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(text) || ALLOWED_TEXTS.has(text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ file, line: line + 1, text });
  };
  const reportExpression = (expression: ts.Expression | undefined) => {
    if (expression) for (const lit of literalTexts(expression)) report(lit, textOf(lit, source));
  };

  const reportObject = (object: ts.ObjectLiteralExpression) => {
    for (const property of object.properties) {
      const name = ts.isPropertyAssignment(property) ? propName(property.name) : undefined;
      if (name && isUserFacing(name)) reportExpression((property as ts.PropertyAssignment).initializer);
    }
  };

  /** In data given to any prop, only what sits under a user-facing key (`{ value: 'en', label: … }`). */
  const reportKeyed = (node: ts.Expression): void => {
    if (ts.isArrayLiteralExpression(node))
      node.elements.forEach((e) => !ts.isSpreadElement(e) && reportKeyed(e));
    else if (ts.isObjectLiteralExpression(node)) reportExpression(node);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node)) {
      const name = propName(node.name);
      if (name && isUserFacing(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer)) reportExpression(node.initializer.expression);
      } else if (node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression) {
        const data = node.initializer.expression;
        if (ts.isArrayLiteralExpression(data) || ts.isObjectLiteralExpression(data)) reportKeyed(data);
      }
    } else if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    )
      reportExpression(node.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      if (NOTIFYING_CALL.test(callee))
        for (const arg of node.arguments) if (ts.isObjectLiteralExpression(arg)) reportObject(arg);
      if (DIALOG_CALL.test(callee)) reportExpression(node.arguments[0]);
      if (
        TRANSLATE_CALL.test(callee) &&
        node.arguments[1] &&
        !ts.isObjectLiteralExpression(node.arguments[1])
      )
        reportExpression(node.arguments[1]);
    } else if (ts.isPropertyAssignment(node) && propName(node.name) === 'defaultValue')
      reportExpression(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const SRC = path.resolve(__dirname, '..');

/** The app's sources: not the tests, their helpers or type declarations. */
function appSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'locales' ? [] : appSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test|d)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('no user-facing string outside the locale files', () => {
  it('finds none in the web app', () => {
    const files = appSources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const findings = files.flatMap((file) =>
      findLiteralStrings(path.relative(SRC, file), fs.readFileSync(file, 'utf8')),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('catches a sample of each kind, and lets keys, test ids, CSS and the brand through', () => {
    const sample = `
      import { notifications } from '@mantine/notifications';
      export function Sample({ open, n }: { open: boolean; n: number }) {
        const { t } = useTranslation();
        notifications.show({ title: 'Saved', message: t('common.saved'), color: 'green' });
        return (
          <Stack gap="md" className="wide" data-testid="sample-form" style={{ width: '100%' }}>
            <Title order={2}>Challenge Accepted</Title>
            <TextInput label={t('auth.email')} placeholder="name@example.com" type="email" />
            <Button aria-label={open ? 'Close menu' : t('common.open')} variant="light">
              Save changes
            </Button>
            <img alt={\`Photo \${n}\`} src="/x.png" />
            {open ? 'Opened' : null}
            <Modal confirmLabel="Yes, delete" size="lg" />
            {' '}{n} / {n * 2}
            <Text>{t('common.count', 'Some items')}</Text>
            <Text>{t('common.count', { count: n, defaultValue: 'Many items' })}</Text>
            <Select data={[{ value: 'en', label: 'English' }, { value: 'ro', label: t('common.language.ro') }]} />
          </Stack>
        );
      }
      const statuses = { title: 'title', description: 'description' };
      modals.openConfirmModal({ title: 'Delete?', labels: { confirm: t('x'), cancel: t('y') } });
      if (window.confirm('Really?')) throw new Error('a developer message');`;
    expect(findLiteralStrings('sample.tsx', sample).map((f) => `${f.line} ${f.text}`)).toEqual([
      '5 Saved',
      '9 name@example.com',
      '10 Close menu',
      '11 Save changes',
      '13 Photo',
      '14 Opened',
      '15 Yes, delete',
      '17 Some items',
      '18 Many items',
      '19 English',
      '24 Delete?',
      '25 Really?',
    ]);
  });
});
