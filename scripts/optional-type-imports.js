// Runs after jsii (`npm run build`). The declarations of a few public members name classes of
// the optional peer dependencies (google-beta, azurerm), e.g. CrossCloudKeyVaultFederation's
// `vault: KeyVault`. A consumer that has not installed that package and type-checks libraries
// (`skipLibCheck: false`) would get "Cannot find module" from our .d.ts files. TypeScript keeps
// no comments on import declarations when it writes .d.ts files, so this marks each line of
// build/**/*.d.ts that names an optional package with `// @ts-ignore`: without the package
// those types are `any`; with it, they are the real classes and the comment does nothing.
const { readdirSync, readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const meta = require(join(root, 'package.json')).peerDependenciesMeta ?? {};
const optional = Object.keys(meta).filter((name) => meta[name].optional);
const MARK = '// @ts-ignore -- optional peer dependency; its types are `any` when not installed';
const namesOptional = new RegExp(
  `['"](${optional.map((n) => n.replace(/[/.-]/g, '\\$&')).join('|')})(/[^'"]*)?['"]`,
);

/** Every .d.ts file under `dir`. */
function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarations(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

let marked = 0;
for (const file of declarations(join(root, 'build'))) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out = [];
  lines.forEach((line, i) => {
    const comment = /^\s*(\*|\/\*|\/\/)/.test(line);
    if (!comment && namesOptional.test(line) && lines[i - 1]?.trim() !== MARK) {
      out.push(line.slice(0, line.length - line.trimStart().length) + MARK);
      marked++;
    }
    out.push(line);
  });
  if (out.length !== lines.length) writeFileSync(file, out.join('\n'));
}
console.log(`optional-type-imports: marked ${marked} line(s) naming ${optional.join(', ')}`);
