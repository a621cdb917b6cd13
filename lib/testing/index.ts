// The `cdktf-guardrails/testing` entry point (also the `testing` submodule of the jsii
// assembly): helpers for users' own tests.
export * from './grant-query';
export * from './guardrails-finding';
export * from './guardrails-testing';
export * from './synthesized-stack';
