// One flat config for every workspace (each runs `eslint <dirs>` from its own folder).
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * `ca/no-foreign-entities`: code of an API module (`apps/api/src/modules/<x>/`) may not import
 * another module's `entities/` (README, "Module boundaries": a module reads and writes another's
 * tables only through that module's service; cross-module reads that join in SQL name no entity).
 * Entity files themselves may import other modules' entities: relations are foreign keys.
 * Tested by apps/api/test/lint-module-boundaries.spec.ts.
 */
const MODULE_FILE = /[\\/]apps[\\/]api[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/](.+)$/;
const ENTITIES_TARGET = /[\\/]apps[\\/]api[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/]entities(?:[\\/]|$)/;
const serviceOf = (module) =>
  `${module[0].toUpperCase()}${module.slice(1).replace(/-(\w)/g, (_, c) => c.toUpperCase())}Service`;
const noForeignEntities = {
  meta: {
    type: 'problem',
    docs: { description: "forbid importing another API module's entities" },
    messages: {
      foreign:
        "modules/{{own}} may not import modules/{{other}}/entities: call the {{other}} module's service ({{service}}) instead, or read its table in SQL without the entity",
    },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.cwd, context.filename);
    const own = MODULE_FILE.exec(file);
    if (!own || /^entities[\\/]/.test(own[2])) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = ENTITIES_TARGET.exec(path.resolve(path.dirname(file), source));
      if (target && target[1] !== own[1]) {
        context.report({
          node,
          messageId: 'foreign',
          data: { own: own[1], other: target[1], service: serviceOf(target[1]) },
        });
      }
    };
    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node, literal(node.moduleReference.expression)),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        check(node, literal(node.arguments[0])),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/reports/**',
      '**/.data/**',
      '**/*.cjs',
      '**/migrations/*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['apps/api/src/modules/**/*.ts'],
    plugins: { ca: { rules: { 'no-foreign-entities': noForeignEntities } } },
    rules: { 'ca/no-foreign-entities': 'error' },
  },
);
