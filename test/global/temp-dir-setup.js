// Jest global setup: one temporary folder for the whole run. cdktf's `Testing.synth` and our
// own tests write synthesized stacks to `os.tmpdir()` and leave them there (a full run makes
// thousands); pointing TMPDIR at a folder of this run, which the workers inherit, lets the
// global teardown remove them all at once.
const { mkdtempSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

module.exports = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-guardrails-tests-'));
  process.env.GUARDRAILS_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};
