// Runs npm scripts side by side and fails if any fails: `node scripts/parallel.js lint compile`.
// `npm test` uses it to lint while it type-checks and builds (each is single-threaded, and CI
// has two cores). Each script's output is printed in one piece when it ends.
const { Buffer } = require('buffer');
const { spawn } = require('child_process');

const scripts = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const chunks = [];
        const child = spawn(npm, ['run', script], { shell: process.platform === 'win32' });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('close', (code) => {
          process.stdout.write(Buffer.concat(chunks));
          resolve(code === 0 ? 0 : 1);
        });
      }),
  ),
).then((codes) => {
  const failed = scripts.filter((_, i) => codes[i] !== 0);
  if (failed.length > 0) console.error(`parallel: failed: ${failed.join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
});
