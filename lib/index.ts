// Re-exports only. Provider classes are imported by the modules below through their
// `lib/<resource>` paths, so loading this entry point never loads a provider barrel.
export * from './core/audit-logs';
export { Errors } from './core/errors';
export * from './core/grant';
export type { IGrantable, IPrincipal } from './core/principal';
export { Principal } from './core/principal';
export * from './core/roles';
export * from './core/service-identity';
export * from './core/workload-identity-options';
export * from './run/cloud-run-options';
export * from './run/secure-cloud-run-service';
export * from './storage/bucket-options';
export * from './storage/scoped-bucket';
export * from './vertex/vertex-grant-scope';
export * from './vertex/vertex-endpoint-caller';
export * from './vertex/vertex-pipeline-identity';
export * from './bigquery/bigquery-dataset';
export * from './artifact-registry/artifact-registry-repository';
export * from './federation/federated-principal';
export * from './federation/provider-options';
export * from './federation/workload-identity-pool';
export * from './federation/workload-identity-provider';
export * from './azure/key-vault-access';
export * from './azure/cross-cloud-key-vault-federation';
export * from './rules/guardrails';
export * from './report/access-report';
export * as testing from './testing';
