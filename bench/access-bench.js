// Part of `npm run bench` (DESIGN.md section 6): the command line's `report` and `diff` on the
// synthesized output of N Cloud Run workloads (N = 2000 writes 10,000 resources), against
// reading and parsing the same JSON files. Budget: at most 4x, growing linearly.
//
// `diff` compares N workloads with N + 1 (a pull request that adds a service).
//
// Each size is synthesized once into a temporary folder; each measurement runs in a fresh
// Node process with the command's modules already loaded, so the ratio compares the work, not
// module loading. Times are the process's CPU time (user + system, `process.cpuUsage`), which
// other work on a shared machine disturbs far less than wall-clock time.
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const BUDGET = 4;

/**
 * Synthesizes N library Cloud Run workloads into a new folder (cdktf.out layout). The head of
 * a diff is synthesized with one workload more, as a pull request that adds a service: its
 * stack file differs from the base's, so `diff` reads and analyzes both (a stack whose file
 * is the same on both sides is analyzed once, which a diff of a folder with itself would
 * measure instead).
 */
function synthesize(child, n) {
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
function readParseMs(child, dirs) {
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
function commandMs(child, args) {
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
 * `repeat` runs per measurement, the median kept; `child(code)` runs code in a fresh Node
 * process in the repository and returns the JSON it prints last (bench.js).
 */
function benchAccessCommands(sizes, repeat, { child, median }) {
  let ok = true;
  const rows = [];
  console.log(
    `report and diff on synthesized output (CPU time, median of ${repeat} runs, reading ${2 * repeat})`,
  );
  for (const n of sizes) {
    const dir = synthesize(child, n);
    const head = synthesize(child, n + 1);
    try {
      const parse = readParseMs(child, [dir]);
      // The runs alternate between reading and the commands, so that a burst of other work on
      // the shared machine disturbs both sides of a ratio alike rather than one of them; reading
      // is cheap and measured twice as often, before and after each command, for a steadier
      // denominator. Each run is still one fresh process doing the whole of its work.
      const parses = [];
      const parsesTwice = [];
      const reports = [];
      const diffs = [];
      for (let i = 0; i < repeat; i++) {
        parses.push(readParseMs(child, [dir]).ms);
        reports.push(commandMs(child, ['report', dir, '--format', 'json']).ms);
        parses.push(readParseMs(child, [dir]).ms);
        parsesTwice.push(readParseMs(child, [dir, head]).ms);
        diffs.push(commandMs(child, ['diff', dir, head, '--format', 'json']).ms);
      }
      const parseMs = median(parses);
      const parseTwiceMs = median(parsesTwice);
      const reportMs = median(reports);
      const diffMs = median(diffs);
      const row = {
        n,
        resources: parse.resources,
        report: reportMs / parseMs,
        diff: diffMs / parseTwiceMs,
        reportMs,
        diffMs,
      };
      rows.push(row);
      // The budget is for the largest stack (DESIGN.md: 10,000 resources); on small ones the
      // fixed costs dominate both sides, so their ratios are reported only.
      const budgeted = n === sizes[sizes.length - 1];
      const within = row.report <= BUDGET && row.diff <= BUDGET;
      if (budgeted) ok &&= within;
      console.log(
        `  N=${String(n).padStart(4)} (${row.resources} resources)  read+parse ${parseMs.toFixed(0)} ms  ` +
          `report ${reportMs.toFixed(0)} ms = ${row.report.toFixed(2)}x  ` +
          `diff ${diffMs.toFixed(0)} ms = ${row.diff.toFixed(2)}x of reading both ` +
          (budgeted
            ? `(budget ${BUDGET}x) ${within ? 'OK' : 'OVER BUDGET'}`
            : '(reported, no budget)'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(head, { recursive: true, force: true });
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
