// The synthesized-Terraform model (DESIGN.md section 7), for the rules, the reports and
// users' own tooling. Not part of the jsii API (plain TypeScript data).
export * from './analyze';
export * from './model';
export * from './role-catalog';
export * from './read-synth-output';
export * from './readable-text';
