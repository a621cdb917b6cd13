// npm run bench: the performance budgets of DESIGN.md section 6, as ratios measured in one run.
//
//  (a) require time of the library entry point vs. the deep provider imports it needs
//      (budget: at most 2x), and that it loads no provider barrel;
//  (b) synth time of N workloads built with the library vs. the same resources written as
//      raw provider classes, N = 100, 500, 2000 (budget: at most 1.25x, goal 1.10x, for the
//      workloads marked `budgeted`, the Cloud Run service of DESIGN.md; others are reported),
//      and growth per workload from N = 100 to 2000 (linear: about 1x). For a budgeted workload
//      the baseline is its `sameTerraform` variant: raw classes that write the library's stack
//      file byte for byte (checked first), addresses included, since a resource at another
//      address is another resource to Terraform. The flat raw variant (short ids at the top of
//      the stack) is reported beside it. Wall time of fresh processes, so the library's cold
//      code counts as it does in a user's `cdktf synth`; the ratio is the median of
//      back-to-back rounds, with more rounds at the smaller sizes (see roundsAt);
//  (c) the stack-wide guardrails on the largest Cloud Run stack: synth with `Guardrails.check`
//      vs. without, in CPU time (budget: at most 1.15x), and `cdktf-guardrails check` on its output vs.
//      reading and parsing that JSON, in CPU time (budget: at most 4x), with its growth from
//      the smallest size to the largest (linear: about 1x). BENCH_WORKLOADS=guardrails runs
//      only this part;
//  (d) the command line's `report` and `diff` on the Cloud Run workloads' synthesized output vs.
//      reading and parsing that JSON, in CPU time (budget: at most 4x at the largest size,
//      linear); BENCH_WORKLOADS=access runs only this part. See access-bench.js.
//
// Each measurement runs in its own Node process, so module caches and heap state never leak
// between variants. Set BENCH_REPEAT (default 5; the synth rounds of the smaller sizes scale up
// from it) to take the median of more runs, BENCH_SIZES (e.g. "100,500") to limit the sizes,
// and BENCH_WORKLOADS (e.g. "cloudRunService") to run only some workloads (`guardrails` and
// `access` name parts (c) and (d)).
const { execFileSync } = require('child_process');
const { mkdtempSync, readFileSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { benchAccessCommands } = require('./access-bench');

const ROOT = join(__dirname, '..');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '100,500,2000').split(',').map(Number);
const ONLY = process.env.BENCH_WORKLOADS ? process.env.BENCH_WORKLOADS.split(',') : undefined;
const REQUIRE_BUDGET = 2;
const SYNTH_BUDGET = 1.25;
const SYNTH_GOAL = 1.1;
const GUARDRAILS_SYNTH_BUDGET = 1.15;
const CHECK_BUDGET = 4;
const BARREL = /node_modules\/@cdktf\/provider-(google|google-beta|azurerm)\/lib\/index\.js$/;

/** Runs `code` in a fresh Node process and returns the JSON it prints last. */
function child(code) {
  const out = execFileSync(process.execPath, ['-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(code) {
  const runs = Array.from({ length: REPEAT }, () => child(code));
  return { ms: median(runs.map((r) => r.ms)), last: runs[runs.length - 1] };
}

/** (a) Requiring the library vs. requiring exactly the provider modules it loads. */
function benchRequire() {
  const library = measure(`
    const t = process.hrtime.bigint();
    require('./build/index.js');
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const modules = Object.keys(require.cache);
    console.log(JSON.stringify({ ms, modules }));
  `);
  const providerEntries = library.last.modules.filter((f) =>
    /@cdktf\/provider-[^/]+\/lib\/[^/]+\/index\.js$/.test(f),
  );
  const deps = ['cdktf', 'constructs', ...providerEntries];
  const deep = measure(`
    const t = process.hrtime.bigint();
    for (const m of ${JSON.stringify(deps)}) require(m);
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6 }));
  `);
  const barrels = library.last.modules.filter((f) => BARREL.test(f));
  return {
    libraryMs: library.ms,
    deepMs: deep.ms,
    ratio: library.ms / deep.ms,
    barrels,
    providerModules: providerEntries.length,
  };
}

/**
 * (b) Synthesizing N copies of one workload, written with the library or with raw classes.
 * `guardrails` turns the stack-wide check on; `keepIn` writes the output there and keeps it.
 */
function synthOnce(workload, variant, n, { guardrails = false, keepIn, cpu = false } = {}) {
  const outdir = keepIn ?? mkdtempSync(join(tmpdir(), 'guardrails-bench-'));
  try {
    return child(`
      const { Guardrails } = require('./build/index.js');
      const { App, TerraformStack } = require('cdktf');
      const { GoogleProvider } = require('@cdktf/provider-google/lib/provider');
      const { GoogleBetaProvider } = require('@cdktf/provider-google-beta/lib/provider');
      const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
      const workload = require('./bench/workloads.js')[${JSON.stringify(workload)}];
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const app = new App({ outdir: ${JSON.stringify(outdir)} });
      const stack = new TerraformStack(app, 'bench');
      new GoogleProvider(stack, 'google', { project: 'acme-bench' });
      new GoogleBetaProvider(stack, 'google-beta', { project: 'acme-bench' });
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      for (let i = 0; i < ${n}; i++) workload.${variant}(stack, i);
      if (${guardrails}) Guardrails.check(app);
      app.synth();
      const d = process.cpuUsage(c);
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6, cpuMs: (d.user + d.system) / 1000 }));
    `)[cpu ? 'cpuMs' : 'ms'];
  } finally {
    if (!keepIn) rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * (c) The guardrails: synth overhead at the largest size, and the command line's check of
 * synthesized output against reading and parsing the same JSON. Both ratios compare CPU time
 * of fresh processes (module loading excluded): on a machine shared with other work, wall
 * time swings by 2x from run to run, CPU time much less.
 */
function benchGuardrails() {
  const n = SIZES[SIZES.length - 1];
  const withCheck = median(
    Array.from({ length: REPEAT }, () =>
      synthOnce('cloudRunService', 'library', n, { guardrails: true, cpu: true }),
    ),
  );
  const without = median(
    Array.from({ length: REPEAT }, () => synthOnce('cloudRunService', 'library', n, { cpu: true })),
  );
  const checks = [SIZES[0], n].map((size) => {
    const outdir = mkdtempSync(join(tmpdir(), 'guardrails-bench-check-'));
    try {
      synthOnce('cloudRunService', 'library', size, { keepIn: outdir });
      const file = join(outdir, 'stacks', 'bench', 'cdk.tf.json');
      const read = median(
        Array.from(
          { length: REPEAT },
          () =>
            child(`
            const { readFileSync } = require('fs');
            const t = process.cpuUsage();
            const json = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
            if (!json.resource) throw new Error('no resources');
            const d = process.cpuUsage(t);
            console.log(JSON.stringify({ ms: (d.user + d.system) / 1000 }));
          `).ms,
        ),
      );
      const runs = Array.from({ length: REPEAT }, () =>
        child(`
          const { runCli } = require('./build/cli/run-cli.js');
          let out = '';
          const t = process.cpuUsage();
          const code = runCli(['check', ${JSON.stringify(outdir)}, '--format', 'json'], { out: (s) => (out += s), err: (s) => (out += s), cwd: process.cwd() });
          const d = process.cpuUsage(t);
          const ms = (d.user + d.system) / 1000;
          console.log(JSON.stringify({ ms, code, findings: JSON.parse(out).findings.length }));
        `),
      );
      const resources = child(`
        const json = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
        console.log(JSON.stringify({ ms: 0, count: Object.values(json.resource).reduce((a, r) => a + Object.keys(r).length, 0) }));
      `).count;
      return {
        size,
        resources,
        readMs: read,
        checkMs: median(runs.map((r) => r.ms)),
        last: runs[runs.length - 1],
      };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
  return { n, withCheck, without, checks };
}

/**
 * Rounds of runs at size `n` for the synth comparison: REPEAT at the largest size, and for a
 * budgeted workload more at the smaller ones (a run of N=100 takes a fraction of a second, one
 * of N=2000 several seconds), so that each budgeted ratio is about as steady as the others.
 */
function roundsAt(n, budgeted) {
  const largest = SIZES[SIZES.length - 1];
  return budgeted ? Math.max(REPEAT, Math.round(REPEAT * Math.sqrt(largest / n))) : REPEAT;
}

/**
 * Fails the bench unless the workload's `sameTerraform` variant writes the library's stack file
 * byte for byte (checked on 3 workloads): the budgeted ratio compares the cost of writing the
 * same Terraform, so both sides must write it.
 */
function checkSameTerraform(name) {
  const files = ['library', 'sameTerraform'].map((variant) => {
    const outdir = mkdtempSync(join(tmpdir(), 'guardrails-bench-same-'));
    try {
      synthOnce(name, variant, 3, { keepIn: outdir });
      return readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
  if (files[0] !== files[1]) {
    throw new Error(
      `bench/workloads.js ${name}: the sameTerraform variant no longer writes the library's Terraform. ` +
        "Update it to the library's current output (resources, arguments and addresses) before measuring.",
    );
  }
}

function benchSynth(name, workload) {
  // The budget's baseline: the same Terraform written with raw classes where the workload has
  // it (see workloads.js), else its raw variant. The flat raw variant, with short ids at the
  // top of the stack (other addresses), is measured beside it and reported.
  const baseline = workload.sameTerraform ? 'sameTerraform' : 'raw';
  if (workload.sameTerraform) checkSameTerraform(name);
  const variants = workload.sameTerraform
    ? ['library', 'sameTerraform', 'raw']
    : ['library', 'raw'];
  const rows = SIZES.map((n) => {
    // Each round runs every variant back to back, in an order that rotates from round to round,
    // and a ratio is the median of the rounds' ratios: a slow spell of the machine (another
    // process, a change of CPU frequency) then falls on all the runs of a round rather than on
    // the runs of one variant, and a round it spoils is one outlier among many.
    const ms = Object.fromEntries(variants.map((v) => [v, []]));
    const rounds = roundsAt(n, workload.budgeted);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(r + k) % variants.length];
        ms[variant].push(synthOnce(name, variant, n));
      }
    }
    const ratioOf = (variant, to) => median(ms[variant].map((t, r) => t / ms[to][r]));
    return {
      n,
      rounds,
      libraryMs: median(ms.library),
      baselineMs: median(ms[baseline]),
      ratio: ratioOf('library', baseline),
      flatRatio: workload.sameTerraform ? ratioOf('library', 'raw') : undefined,
      treeRatio: workload.sameTerraform ? ratioOf('sameTerraform', 'raw') : undefined,
    };
  });
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.libraryMs / last.n / (first.libraryMs / first.n);
  return { rows, growth, baseline };
}

function main() {
  const workloads = require('./workloads.js');
  let ok = true;
  const req = benchRequire();
  const reqOk = req.ratio <= REQUIRE_BUDGET && req.barrels.length === 0;
  ok &&= reqOk;
  console.log('require cdktf-guardrails (median of %d runs)', REPEAT);
  console.log(
    `  library ${req.libraryMs.toFixed(0)} ms / deep imports ${req.deepMs.toFixed(0)} ms = ${req.ratio.toFixed(2)}x ` +
      `(budget ${REQUIRE_BUDGET}x), provider modules ${req.providerModules}, barrels loaded ${req.barrels.length} ${reqOk ? 'OK' : 'OVER BUDGET'}`,
  );
  for (const [name, workload] of Object.entries(workloads).filter(
    ([n]) => !ONLY || ONLY.includes(n),
  )) {
    const { rows, growth, baseline } = benchSynth(name, workload);
    console.log(`synth ${name}: ${workload.description}`);
    const baselineName = baseline === 'sameTerraform' ? 'same Terraform by raw classes' : 'raw';
    for (const r of rows) {
      const within = r.ratio <= SYNTH_BUDGET;
      if (workload.budgeted) ok &&= within;
      console.log(
        `  N=${String(r.n).padStart(4)}  library ${r.libraryMs.toFixed(0).padStart(6)} ms  ${baselineName} ${r.baselineMs.toFixed(0).padStart(6)} ms  ` +
          `ratio ${r.ratio.toFixed(2)}x (median of ${r.rounds} rounds)` +
          (workload.budgeted
            ? ` (budget ${SYNTH_BUDGET}x, goal ${SYNTH_GOAL}x) ${within ? 'OK' : 'OVER BUDGET'}`
            : ' (reported, no budget)') +
          (r.flatRatio === undefined
            ? ''
            : `; vs raw classes with short ids at the top of the stack (other addresses) ${r.flatRatio.toFixed(2)}x, ` +
              `of which the construct tree and derived ids alone ${r.treeRatio.toFixed(2)}x`),
      );
    }
    console.log(
      `  time per workload, N=${rows[rows.length - 1].n} vs N=${rows[0].n}: ${growth.toFixed(2)}x (1x = linear)`,
    );
  }
  if (!ONLY || ONLY.includes('guardrails')) {
    const g = benchGuardrails();
    const synthRatio = g.withCheck / g.without;
    const synthOk = synthRatio <= GUARDRAILS_SYNTH_BUDGET;
    ok &&= synthOk;
    console.log(`guardrails on the Cloud Run stack, N=${g.n}`);
    console.log(
      `  synth with Guardrails.check ${g.withCheck.toFixed(0)} ms CPU / without ${g.without.toFixed(0)} ms CPU = ${synthRatio.toFixed(2)}x ` +
        `(budget ${GUARDRAILS_SYNTH_BUDGET}x) ${synthOk ? 'OK' : 'OVER BUDGET'}`,
    );
    for (const c of g.checks) {
      // The budget is for the largest stack (DESIGN.md: 10,000 resources); on small ones fixed
      // costs dominate both sides, so their ratio is reported only.
      const budgeted = c.size === g.n;
      const ratio = c.checkMs / c.readMs;
      const within = ratio <= CHECK_BUDGET;
      ok &&= (!budgeted || within) && c.last.code === 0 && c.last.findings === 0;
      console.log(
        `  check N=${String(c.size).padStart(4)} (${c.resources} resources): ${c.checkMs.toFixed(0)} ms CPU / read+parse ${c.readMs.toFixed(0)} ms CPU = ${ratio.toFixed(2)}x ` +
          (budgeted
            ? `(budget ${CHECK_BUDGET}x), exit ${c.last.code}, ${c.last.findings} findings ${within ? 'OK' : 'OVER BUDGET'}`
            : `(reported, no budget), exit ${c.last.code}, ${c.last.findings} findings`),
      );
    }
    const [small, large] = g.checks;
    console.log(
      `  check time per resource, N=${large.size} vs N=${small.size}: ${(large.checkMs / large.resources / (small.checkMs / small.resources)).toFixed(2)}x (1x = linear)`,
    );
  }
  if (!ONLY || ONLY.includes('access'))
    ok = benchAccessCommands(SIZES, REPEAT, { child, median }) && ok;
  if (!ok) {
    console.log('Some budgets were exceeded.');
    process.exitCode = 1;
  }
}

main();
