// Part of `npm run bench` (DESIGN.md section 6): the command line's `report` and `diff` on the
// synthesized output of N Cloud Run workloads (N = 2000 writes 10,000 resources), against
// reading and parsing the same JSON files. Budget: at most 4x, growing linearly.
//
// Each size is synthesized once into a temporary folder; each measurement runs in a fresh
// Node process with the command's modules already loaded, so the ratio compares the work, not
// module loading. Times are the process's CPU time (user + system, `process.cpuUsage`), which
// other work on a shared machine disturbs far less than wall-clock time.
const { execFileSync } = require('child_process');
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const ROOT = join(__dirname, '..');
const BUDGET = 4;

function child(code) {
  const out = execFileSync(process.execPath, ['-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Synthesizes N library Cloud Run workloads into a new folder (cdktf.out layout). */
function synthesize(n) {
  const outdir = mkdtempSync(join(tmpdir(), 'guardrails-access-bench-'));
  child(`
    require('./build/index.js');
    const { App, TerraformStack } = require('cdktf');
    const { GoogleProvider } = require('@cdktf/provider-google/lib/provider');
    const { GoogleBetaProvider } = require('@cdktf/provider-google-beta/lib/provider');
    const workload = require('./bench/workloads.js').cloudRunService;
    const app = new App({ outdir: ${JSON.stringify(outdir)} });
    const stack = new TerraformStack(app, 'bench');
    new GoogleProvider(stack, 'google', { project: 'acme-bench' });
    new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-bench' });
    for (let i = 0; i < ${n}; i++) workload.library(stack, i);
    app.synth();
    console.log(JSON.stringify({}));
  `);
  return outdir;
}

/** Time of reading and parsing every stack file of `dirs` once. */
function readParseMs(dirs) {
  return child(`
    const { readFileSync, readdirSync } = require('fs');
    const { join } = require('path');
    const files = ${JSON.stringify(dirs)}.flatMap((d) =>
      readdirSync(join(d, 'stacks')).map((s) => join(d, 'stacks', s, 'cdk.tf.json')),
    );
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const t = cpu();
    let resources = 0;
    for (const f of files) {
      const json = JSON.parse(readFileSync(f, 'utf8'));
      for (const byName of Object.values(json.resource ?? {})) resources += Object.keys(byName).length;
    }
    console.log(JSON.stringify({ ms: cpu() - t, resources }));
  `);
}

/** Time of one command, run in-process through the command line's entry, output discarded. */
function commandMs(args) {
  return child(`
    const { runCli } = require('./build/cli/run-cli.js');
    // Load what the command needs outside the timing.
    require('./build/report/access-snapshot.js');
    require('./build/report/access-diff.js');
    const io = { out: () => {}, err: (t) => process.stderr.write(t), cwd: process.cwd() };
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const t = cpu();
    const code = runCli(${JSON.stringify(args)}, io);
    console.log(JSON.stringify({ ms: cpu() - t, code }));
  `);
}

/**
 * Measures `report` and `diff` at each size; returns whether every ratio is within budget.
 * `repeat` runs per measurement, the median kept.
 */
function benchAccessCommands(sizes, repeat) {
  let ok = true;
  const rows = [];
  console.log(`report and diff on synthesized output (CPU time, median of ${repeat} runs)`);
  for (const n of sizes) {
    const dir = synthesize(n);
    try {
      const parse = readParseMs([dir]);
      const parseMs = median(Array.from({ length: repeat }, () => readParseMs([dir]).ms));
      const parseTwiceMs = median(Array.from({ length: repeat }, () => readParseMs([dir, dir]).ms));
      const reportMs = median(
        Array.from({ length: repeat }, () => commandMs(['report', dir, '--format', 'json']).ms),
      );
      const diffMs = median(
        Array.from({ length: repeat }, () => commandMs(['diff', dir, dir, '--format', 'json']).ms),
      );
      const row = {
        n,
        resources: parse.resources,
        report: reportMs / parseMs,
        diff: diffMs / parseTwiceMs,
        reportMs,
        diffMs,
      };
      rows.push(row);
      const within = row.report <= BUDGET && row.diff <= BUDGET;
      ok &&= within;
      console.log(
        `  N=${String(n).padStart(4)} (${row.resources} resources)  read+parse ${parseMs.toFixed(0)} ms  ` +
          `report ${reportMs.toFixed(0)} ms = ${row.report.toFixed(2)}x  ` +
          `diff ${diffMs.toFixed(0)} ms = ${row.diff.toFixed(2)}x of reading both ` +
          `(budget ${BUDGET}x) ${within ? 'OK' : 'OVER BUDGET'}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (rows.length > 1) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    const growth = (ms, r) => ms / r.resources;
    console.log(
      `  time per resource, N=${last.n} vs N=${first.n}: report ${(growth(last.reportMs, last) / growth(first.reportMs, first)).toFixed(2)}x, ` +
        `diff ${(growth(last.diffMs, last) / growth(first.diffMs, first)).toFixed(2)}x (1x = linear)`,
    );
  }
  return ok;
}

module.exports = { benchAccessCommands };
