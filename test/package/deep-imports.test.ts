import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const PROVIDERS = [
  '@cdktf/provider-google',
  '@cdktf/provider-google-beta',
  '@cdktf/provider-azurerm',
];

/**
 * Lints each snippet as if it were a file under lib/, with the project's ESLint config, in one
 * child process (the flat config is an ES module, which jest's CommonJS runtime cannot load).
 */
function restrictedImportErrors(snippets: string[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const snippets = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const code of snippets) {
        const [result] = await eslint.lintText(code, { filePath: 'lib/core/snippet.ts' });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      console.log(JSON.stringify(out));
    })();
  `;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(snippets)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

describe('provider packages are imported by lib/<resource> path only', () => {
  const refused = PROVIDERS.flatMap((p) => [p, `${p}/lib`, `${p}/lib/index`]);
  const allowed = '@cdktf/provider-google/lib/service-account';

  test('the lint rule refuses every provider root and allows a resource path', () => {
    const errors = restrictedImportErrors(
      [...refused, allowed].map(
        (path) => `import * as provider from '${path}';\nexport const x = provider;\n`,
      ),
    );
    refused.forEach((path, i) => {
      expect({ path, errors: errors[i] }).toEqual({
        path,
        errors: [expect.stringMatching(/lib\/<resource>/)],
      });
    });
    expect(errors[refused.length]).toEqual([]);
  });

  test('loading the library in a fresh Node process loads no provider barrel', () => {
    // The source entry point, loaded through tsx as users of the examples do; the compiled
    // build/index.js is checked too when `npm run build` has produced it (npm test does).
    const entries = [join(root, 'lib', 'index.ts'), join(root, 'build', 'index.js')].filter((f) =>
      existsSync(f),
    );
    for (const entry of entries) {
      const script = `
        require(${JSON.stringify(entry)});
        const loaded = Object.keys(require.cache);
        console.log(JSON.stringify(loaded));
      `;
      const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: root,
        encoding: 'utf8',
      });
      const loaded = JSON.parse(output.trim().split('\n').pop() ?? '[]') as string[];
      const barrels = loaded.filter((f) =>
        /node_modules\/@cdktf\/provider-(google|google-beta|azurerm)\/lib\/index\.js$/.test(f),
      );
      expect({ entry, barrels }).toEqual({ entry, barrels: [] });
      // The check is real: the library did load provider resource classes.
      expect(
        loaded.some((f) => f.includes('@cdktf/provider-google/lib/service-account/index.js')),
      ).toBe(true);
    }
  });
});
