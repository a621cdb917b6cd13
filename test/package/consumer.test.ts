// The library as a team adopts it: packed with `npm pack`, installed from the tarball into a
// fresh project with neighbouring versions of its peers (the lowest @cdktf/provider-google the
// peer range admits, the newest constructs) and without the optional google-beta and azurerm
// providers, then type-checked under the tsconfig files users have and synthesized.
//
// It needs the jsii build (`npm test` runs it first) and npm's registry or cache: packages come
// from the npm cache when they are there (`--prefer-offline`).
import { execFile } from 'child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { App } from 'cdktf';
import { googleOnlyStack } from './consumer/google-stack';

const execFileAsync = promisify(execFile);
const root = join(__dirname, '..', '..');
const fixtures = join(__dirname, 'consumer');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const MAX_PACKED_BYTES = 1.5 * 1024 * 1024;

/** The lowest version a `^x.y.z` peer range admits. */
function floorOf(range: string): string {
  const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
  if (!match) throw new Error(`expected a ^x.y.z peer range, got '${range}'`);
  return match[1];
}

const GOOGLE_FLOOR = floorOf(packageJson.peerDependencies['@cdktf/provider-google']);
const OPTIONAL = Object.keys(packageJson.peerDependenciesMeta).filter(
  (name) => packageJson.peerDependenciesMeta[name].optional,
);

/** tsconfig of `cdktf init --template=typescript` (cdktf 0.21), plus the `types` TypeScript 6 needs. */
const CDKTF_INIT_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['*.ts'],
};

/** What `tsc --init` writes (TypeScript 6), with `types: ['node']` for `process` and `fs`. */
const TSC_INIT_TSCONFIG = {
  compilerOptions: {
    module: 'nodenext',
    target: 'esnext',
    types: ['node'],
    sourceMap: true,
    declaration: true,
    declarationMap: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    strict: true,
    jsx: 'react-jsx',
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noUncheckedSideEffectImports: true,
    moduleDetection: 'force',
    skipLibCheck: true,
  },
  include: ['*.ts'],
};

interface Run {
  readonly code: number;
  readonly output: string;
  readonly seconds: number;
}

async function run(command: string, args: string[], cwd: string, env = {}): Promise<Run> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr, seconds: (Date.now() - started) / 1000 };
  } catch (e: any) {
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}${e.stdout || e.stderr ? '' : e.message}`;
    return { code: e.code ?? 1, output, seconds: (Date.now() - started) / 1000 };
  }
}

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

let work: string;
let consumer: string;
let packed: { filename: string; size: number; files: PackedFile[] };
let install: Run;
const checks: Record<string, Run> = {};
const timings: Record<string, number> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cdktf-guardrails-consumer-'));
  consumer = join(work, 'consumer');
  const esm = join(consumer, 'esm');
  mkdirSync(esm, { recursive: true });
  expect(existsSync(join(root, 'build', 'index.js'))).toBe(true); // npm test builds first

  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], root);
  expect(pack.code).toBe(0);
  packed = JSON.parse(pack.output.slice(pack.output.indexOf('[')))[0];
  timings.pack = pack.seconds;

  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      private: true,
      dependencies: {
        'cdktf-guardrails': `file:${join(work, packed.filename)}`,
        cdktf: packageJson.peerDependencies.cdktf,
        constructs: packageJson.peerDependencies.constructs,
        '@cdktf/provider-google': GOOGLE_FLOOR,
      },
      devDependencies: { '@types/node': packageJson.devDependencies['@types/node'] },
    }),
  );
  install = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    consumer,
  );
  timings.install = install.seconds;
  expect(install).toMatchObject({ code: 0 });

  for (const dir of [consumer, esm]) cpSync(fixtures, dir, { recursive: true });
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(CDKTF_INIT_TSCONFIG));
  writeFileSync(join(esm, 'tsconfig.json'), JSON.stringify(TSC_INIT_TSCONFIG));
  writeFileSync(join(esm, 'package.json'), JSON.stringify({ type: 'module' }));
  // The library's own sources against the consumer's peers: the google floor must have every
  // argument the library writes; the optional packages are absent.
  cpSync(join(root, 'lib'), join(work, 'lib-at-floor', 'lib'), { recursive: true });
  writeFileSync(
    join(work, 'lib-at-floor', 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        ...JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')).compilerOptions,
        noEmit: true,
      },
      include: ['lib/**/*.ts'],
    }),
  );
  // lib-at-floor resolves packages from the consumer's node_modules.
  symlinkSync(join(consumer, 'node_modules'), join(work, 'node_modules'));

  const started = Date.now();
  // Four compilations; the strictest settings share one (libraries checked, node10 resolution).
  const strictNode10 = ['--noEmit', '--skipLibCheck', 'false', '--moduleResolution', 'node10'];
  const [cjs, strict, esmBuild, floor] = await Promise.all([
    run(process.execPath, [tsc, '-p', '.'], consumer),
    run(
      process.execPath,
      [tsc, '-p', '.', ...strictNode10, '--ignoreDeprecations', '6.0'],
      consumer,
    ),
    run(process.execPath, [tsc, '-p', '.'], esm),
    run(process.execPath, [tsc, '-p', '.'], join(work, 'lib-at-floor')),
  ]);
  Object.assign(checks, { cjs, strict, esmBuild, floor });
  timings.typecheck = (Date.now() - started) / 1000;

  const synthStarted = Date.now();
  const [cjsRun, esmRun] = await Promise.all([
    run(process.execPath, ['main.js'], consumer),
    run(process.execPath, ['main.js'], esm),
  ]);
  Object.assign(checks, { cjsRun, esmRun });
  timings.synth = (Date.now() - synthStarted) / 1000;
  // The package's command line, through the bin npm linked, on what the app wrote.
  const bin = join(consumer, 'node_modules', '.bin', 'cdktf-guardrails');
  checks.cli = await run(bin, ['check', 'cdktf.out', '--format', 'json'], consumer);
  // The timings of the slow steps, for the report of how long the package test takes.
  process.stdout.write(`package test timings (s): ${JSON.stringify(timings)}\n`);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed library', () => {
  test(`is under ${MAX_PACKED_BYTES} bytes packed`, () => {
    expect(packed.size).toBeLessThan(MAX_PACKED_BYTES);
  });

  test('holds the build, the assembly, the README, the license and the IAM catalog notice', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'NOTICE',
        '.jsii',
        'build/index.js',
        'build/index.d.ts',
        'build/testing/index.js',
        'build/core/errors.js',
      ]),
    );
    expect(
      paths.filter(
        (p) => !/^(build\/.+\.(js|d\.ts)|package\.json|README\.md|LICENSE|NOTICE|\.jsii)$/.test(p),
      ),
    ).toEqual([]);
    const notice = readFileSync(
      join(consumer, 'node_modules', 'cdktf-guardrails', 'NOTICE'),
      'utf8',
    );
    const mit = readFileSync(join(root, 'test', 'fixtures', 'iam', 'LICENSE'), 'utf8');
    expect(notice).toContain('github.com/iann0036/iam-dataset');
    expect(notice).toContain(mit.trim());
  });

  test('exports the root, testing, errors, analysis and package.json, and nothing under private/', () => {
    const exportsMap = packageJson.exports as Record<string, any>;
    expect(Object.keys(exportsMap).sort()).toEqual([
      '.',
      './analysis',
      './errors',
      './package.json',
      './testing',
    ]);
    // The same subpaths for TypeScript's node10 resolution, which ignores `exports`.
    expect(Object.keys(packageJson.typesVersions['*']).sort()).toEqual([
      'analysis',
      'errors',
      'testing',
    ]);
    const targets = JSON.stringify(exportsMap).match(/\.\/build\/[^"]+/g) ?? [];
    const paths = new Set(packed.files.map((f) => f.path));
    for (const target of targets) {
      expect({ target, packed: paths.has(target.slice(2)) }).toEqual({ target, packed: true });
      expect(target).not.toMatch(/\/private\//);
    }
  });
});

describe('a consumer project without the optional providers', () => {
  test('npm installed the library without google-beta and azurerm, with the google floor', () => {
    for (const name of OPTIONAL)
      expect(existsSync(join(consumer, 'node_modules', name))).toBe(false);
    const google = JSON.parse(
      readFileSync(
        join(consumer, 'node_modules', '@cdktf/provider-google', 'package.json'),
        'utf8',
      ),
    );
    expect(google.version).toBe(GOOGLE_FLOOR);
  });

  test.each([
    ['cdktf init tsconfig (CommonJS, skipLibCheck)', 'cjs'],
    ['cdktf init tsconfig with skipLibCheck: false and node10 resolution (TypeScript 5)', 'strict'],
    ['tsc --init tsconfig (ES modules, nodenext)', 'esmBuild'],
  ])('type-checks under the %s', (_name, key) => {
    expect({ output: checks[key].output, code: checks[key].code }).toEqual({ output: '', code: 0 });
  });

  test('the library source type-checks against the google floor; only the optional packages are missing', () => {
    const errors = checks.floor.output.split('\n').filter((l) => l.includes('error TS'));
    const other = errors.filter(
      (l) =>
        !/error TS2307: Cannot find module '@cdktf\/provider-(google-beta|azurerm)\/lib\/[a-z0-9-]+'/.test(
          l,
        ),
    );
    expect(other).toEqual([]);
    // The check is real: the library does name the optional packages, in type imports only.
    expect(errors.length).toBeGreaterThan(0);
  });

  test.each([
    ['CommonJS', 'cjsRun', ''],
    ['ES modules', 'esmRun', 'esm'],
  ])(
    'synthesizes the Google-only stack (%s) and names the package each optional construct needs',
    (_name, key, dir) => {
      expect(checks[key]).toMatchObject({ code: 0, output: '' });
      const report = JSON.parse(readFileSync(join(consumer, dir, 'report.json'), 'utf8'));
      expect(report.grants).toBeGreaterThan(5);
      expect(report.refusals).toEqual([
        {
          attempt: 'VertexEndpointCaller',
          isValidationError: true,
          message: expect.stringContaining(
            "'scope' VertexGrantScope.ENDPOINT (the default) binds with google_vertex_ai_endpoint_iam_member from the optional peer dependency '@cdktf/provider-google-beta', which is not installed. Install it next to cdktf-guardrails (npm install @cdktf/provider-google-beta@'^",
          ),
        },
        {
          attempt: 'CrossCloudKeyVaultFederation',
          isValidationError: true,
          message: expect.stringContaining(
            "scratch/vault: CrossCloudKeyVaultFederation writes azurerm_* resources from the optional peer dependency '@cdktf/provider-azurerm', which is not installed.",
          ),
        },
        {
          attempt: 'GuardrailsTesting.stack',
          isValidationError: true,
          message: expect.stringContaining("'googleBeta' adds the google-beta provider"),
        },
      ]);
    },
  );

  test('the analysis entry reads the written stack: the same grants as the testing helpers', () => {
    const report = JSON.parse(readFileSync(join(consumer, 'report.json'), 'utf8'));
    expect(report.modelBindings).toBe(report.grants);
  });

  test('the cdktf-guardrails command checks what the app wrote', () => {
    expect(checks.cli.code).toBe(0);
    const { findings } = JSON.parse(checks.cli.output);
    expect(findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(findings.every((f: any) => f.stack === 'google-only')).toBe(true);
  });

  test('loading the library loaded deep provider modules only, no barrel', () => {
    const report = JSON.parse(readFileSync(join(consumer, 'report.json'), 'utf8'));
    const loaded: string[] = report.loadedProviderModules;
    expect(
      loaded.some((f) => f.endsWith('@cdktf/provider-google/lib/service-account/index.js')),
    ).toBe(true);
    expect(loaded.filter((f) => /@cdktf\/provider-[a-z-]+\/lib\/index\.js$/.test(f))).toEqual([]);
  });

  test('writes the same resources as this repository does with its pinned providers', () => {
    const consumerJson = JSON.parse(
      readFileSync(join(consumer, 'cdktf.out', 'stacks', 'google-only', 'cdk.tf.json'), 'utf8'),
    );
    const app = new App({ outdir: join(work, 'repo.out') });
    googleOnlyStack(app);
    app.synth();
    const repoJson = JSON.parse(
      readFileSync(join(work, 'repo.out', 'stacks', 'google-only', 'cdk.tf.json'), 'utf8'),
    );
    // The consumer really ran the google floor (provider 6.38.0 for bindings 16.0.0) ...
    expect(consumerJson.terraform.required_providers.google.version).not.toBe(
      repoJson.terraform.required_providers.google.version,
    );
    // ... and every argument the library writes survived it.
    expect(withoutMetadata(consumerJson.resource)).toEqual(withoutMetadata(repoJson.resource));
    expect(withoutMetadata(consumerJson.data)).toEqual(withoutMetadata(repoJson.data));
  });
});

/** `value` without cdktf's `//` metadata (construct paths and stack traces). */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, v]) => [key, withoutMetadata(v)]),
  );
}
