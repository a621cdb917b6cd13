import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as root from '../../lib';
import * as testing from '../../lib/testing';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiDocsFooter, apiFingerprint } = require('../../scripts/api-docs.js') as {
  apiDocsFooter(fingerprint: string): string;
  apiFingerprint(): string;
};

const assemblyFile = join(__dirname, '..', '..', '.jsii');

/** Names of the assembly's types in `submodule` (the root when undefined). */
function assemblyTypes(submodule?: string): Set<string> {
  const assembly = JSON.parse(readFileSync(assemblyFile, 'utf8'));
  const prefix = submodule ? `cdktf-guardrails.${submodule}.` : 'cdktf-guardrails.';
  return new Set(
    Object.keys(assembly.types)
      .filter((fqn) => fqn.startsWith(prefix) && !fqn.slice(prefix.length).includes('.'))
      .map((fqn) => fqn.slice(prefix.length)),
  );
}

describe('the public API is what the jsii assembly documents, and nothing else', () => {
  beforeAll(() => expect(existsSync(assemblyFile)).toBe(true)); // npm test builds first

  test.each<[string, object, string | undefined, string[]]>([
    ['cdktf-guardrails', root, undefined, ['testing']],
    ['cdktf-guardrails/testing', testing, 'testing', []],
  ])('%s exports only assembly types and submodules', (_entry, module, submodule, submodules) => {
    const types = assemblyTypes(submodule);
    const exported = Object.keys(module).filter((name) => name !== '__esModule');
    const internal = exported.filter((name) => !types.has(name) && !submodules.includes(name));
    // e.g. a helper function (validateMember) exported from a module that the root re-exports.
    expect(internal).toEqual([]);
    expect(exported.length).toBeGreaterThan(submodules.length);
  });

  test('every class and enum of the assembly is exported at runtime', () => {
    const assembly = JSON.parse(readFileSync(assemblyFile, 'utf8'));
    const missing = Object.entries(assembly.types as Record<string, { kind: string }>)
      .filter(([, t]) => t.kind !== 'interface')
      .map(([fqn]) => fqn.replace(/^cdktf-guardrails\./, '').split('.'))
      .filter((parts) => {
        const module: Record<string, unknown> = parts.length === 2 ? testing : root;
        return module[parts[parts.length - 1]] === undefined;
      });
    expect(missing).toEqual([]);
  });
});

describe('API reference', () => {
  test('API.md was generated from the current assembly (else: npm run api-docs)', () => {
    const apiMd = readFileSync(join(__dirname, '..', '..', 'API.md'), 'utf8');
    const lastLine = apiMd.trimEnd().split('\n').pop();
    expect({ 'API.md ends with': lastLine }).toEqual({
      'API.md ends with': apiDocsFooter(apiFingerprint()),
    });
    // And it documents the testing submodule next to the root.
    expect(apiMd).toContain('id="cdktf-guardrails.testing.SynthesizedStack"');
  });

  test('every public type, property, method and enum member has a doc comment', () => {
    const assembly = JSON.parse(readFileSync(assemblyFile, 'utf8'));
    const undocumented: string[] = [];
    for (const [fqn, type] of Object.entries<any>(assembly.types)) {
      if (!type.docs?.summary) undocumented.push(fqn);
      const members = [
        ...(type.properties ?? []),
        ...(type.methods ?? []),
        ...(type.members ?? []),
      ];
      for (const member of members) {
        if (!member.docs?.summary) undocumented.push(`${fqn}.${member.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
