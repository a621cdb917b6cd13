// Jest global teardown: removes the run's temporary folder made by temp-dir-setup.js.
const { rmSync } = require('fs');

module.exports = async () => {
  const dir = process.env.GUARDRAILS_TEST_TMPDIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
