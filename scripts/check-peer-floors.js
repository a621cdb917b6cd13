// `npm run check-peer-floors`: type-checks lib/ against the lowest version of every peer
// dependency that package.json admits (the `^x.y.z` floors), optional ones included, in a
// temporary project. The package test checks the @cdktf/provider-google floor on every run;
// this covers google-beta and azurerm too, at the price of installing them (about 600 MB), so
// it is not part of `npm test`. Run it when a construct starts using a provider argument.
const { execFileSync } = require('child_process');
const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const root = join(__dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'cdktf-guardrails-floors-'));
try {
  const floors = Object.entries(packageJson.peerDependencies).map(([name, range]) => {
    const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
    if (!match) throw new Error(`${name}: expected a ^x.y.z range, got '${range}'`);
    return `${name}@${match[1]}`;
  });
  floors.push(`@types/node@${packageJson.devDependencies['@types/node']}`);
  console.log(`installing ${floors.join(' ')}`);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'floors', private: true }));
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...floors],
    { cwd: work, stdio: 'inherit' },
  );
  cpSync(join(root, 'lib'), join(work, 'lib'), { recursive: true });
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, noEmit: true },
      include: ['lib/**/*.ts'],
    }),
  );
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', work], {
    stdio: 'inherit',
  });
  console.log('lib/ type-checks against the peer floors');
} finally {
  rmSync(work, { recursive: true, force: true });
}
