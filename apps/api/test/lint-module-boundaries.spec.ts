import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The module boundary rule of eslint.config.mjs (`ca/no-foreign-entities`): code of
 * `src/modules/<x>/` may not import another module's `entities/`. ESLint runs in a child process
 * (its config is an ES module, which jest's CommonJS runtime cannot load) on snippets that stand
 * for files at the given paths; nothing is written to disk.
 */
const API_ROOT = path.resolve(__dirname, '..');
const RULE = 'ca/no-foreign-entities';

interface Snippet {
  file: string;
  code: string;
}

function lint(
  snippets: Snippet[],
): { file: string; messages: { ruleId: string | null; message: string }[] }[] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    let input = '';
    process.stdin.on('data', (c) => (input += c));
    process.stdin.on('end', async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const s of JSON.parse(input)) {
        const [result] = await eslint.lintText(s.code, { filePath: path.join(process.cwd(), s.file) });
        out.push({ file: s.file, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  const res = spawnSync(process.execPath, ['-e', script], {
    cwd: API_ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (res.status !== 0) throw new Error(`eslint failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

const violations = (results: ReturnType<typeof lint>) =>
  results.map((r) => ({ file: r.file, errors: r.messages.filter((m) => m.ruleId === RULE).length }));

describe('lint rule: a module never imports another module’s entities', () => {
  it('flags every form of import of a foreign entities/ folder, naming both modules', () => {
    const bad: Snippet[] = [
      {
        file: 'src/modules/teams/bad-import.ts',
        code: "import { EditionEntity } from '../editions/entities/edition.entity';\nexport const x = EditionEntity;\n",
      },
      {
        file: 'src/modules/teams/bad-type-import.ts',
        code: "import type { EditionEntity } from '../editions/entities/edition.entity';\nexport type X = EditionEntity;\n",
      },
      {
        file: 'src/modules/submissions/bad-long-path.ts',
        code: "import { TrackEntity } from '../../modules/editions/entities/track.entity';\nexport const x = TrackEntity;\n",
      },
      {
        file: 'src/modules/teams/nested/bad-nested.ts',
        code: "import { UserEntity } from '../../users/entities/user.entity';\nexport const x = UserEntity;\n",
      },
      {
        file: 'src/modules/jury/bad-reexport.ts',
        code: "export { UserEntity } from '../users/entities/user.entity';\n",
      },
      {
        file: 'src/modules/jury/bad-export-all.ts',
        code: "export * from '../users/entities/user.entity';\n",
      },
      {
        file: 'src/modules/live/bad-dynamic.ts',
        code: "export const load = () => import('../users/entities/user.entity');\n",
      },
      {
        file: 'src/modules/live/bad-require.ts',
        code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const u = require('../users/entities/user.entity');\n",
      },
      {
        file: 'src/modules/seed/bad-import-type.ts',
        code: "export type U = import('../users/entities/user.entity').UserEntity;\n",
      },
    ];
    const results = lint(bad);
    expect(violations(results)).toEqual(bad.map((s) => ({ file: s.file, errors: 1 })));
    expect(results[0]!.messages.find((m) => m.ruleId === RULE)!.message).toMatch(
      /teams.*editions.*EditionsService/s,
    );
  });

  it('allows a module its own entities, other modules’ services, and entity files their relations', () => {
    const good: Snippet[] = [
      {
        file: 'src/modules/teams/good-own.ts',
        code: "import { TeamEntity } from './entities/team.entity';\nexport const x = TeamEntity;\n",
      },
      {
        file: 'src/modules/teams/nested/good-own-nested.ts',
        code: "import { TeamEntity } from '../entities/team.entity';\nexport const x = TeamEntity;\n",
      },
      {
        file: 'src/modules/teams/good-service.ts',
        code: "import { EditionsService } from '../editions/editions.service';\nexport const x = EditionsService;\n",
      },
      {
        // Relations (foreign keys) are declared between entities of different modules.
        file: 'src/modules/teams/entities/good-relation.entity.ts',
        code: "import { UserEntity } from '../../users/entities/user.entity';\nexport const x = UserEntity;\n",
      },
      {
        // The list of every entity for the data source lives outside the modules.
        file: 'src/database/good-entities.ts',
        code: "import { UserEntity } from '../modules/users/entities/user.entity';\nexport const x = [UserEntity];\n",
      },
      {
        file: 'test/good-test.e2e-spec.ts',
        code: "import { UserEntity } from '../src/modules/users/entities/user.entity';\nexport const x = UserEntity;\n",
      },
      {
        // A folder merely named like a module's is not one.
        file: 'src/modules/teams/good-lookalike.ts',
        code: "import { x } from './editions/entities-list';\nexport const y = x;\n",
      },
    ];
    expect(violations(lint(good))).toEqual(good.map((s) => ({ file: s.file, errors: 0 })));
  });
});
