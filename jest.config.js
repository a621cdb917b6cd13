/** Jest runs TypeScript through swc (no type-checking here: `npm run typecheck` and jsii do that once). */
module.exports = {
  testEnvironment: 'node',
  // Every core (jest's default leaves one free): the package and CLI tests mostly wait on
  // child processes (npm install, tsc, cdktf synth), and other suites run meanwhile.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // TypeScript sources win over the .js files that the jsii build writes next to them.
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // One temporary folder per run, removed at the end (cdktf's Testing.synth leaves its output).
  globalSetup: '<rootDir>/test/global/temp-dir-setup.js',
  globalTeardown: '<rootDir>/test/global/temp-dir-teardown.js',
  // Code written as users write it (README snippets, the package test's consumer) imports the
  // package by name; here that is the source. tsconfig.json has the same paths.
  moduleNameMapper: {
    '^cdktf-guardrails$': '<rootDir>/lib/index.ts',
    '^cdktf-guardrails/testing$': '<rootDir>/lib/testing/index.ts',
    '^cdktf-guardrails/errors$': '<rootDir>/lib/core/errors.ts',
    '^cdktf-guardrails/analysis$': '<rootDir>/lib/analysis/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/cdktf.out/'],
};
