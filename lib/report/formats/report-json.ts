import type { AccessSnapshot } from '../access-entries';
import { auditJson, grantJson, ignoredJson, trustJson } from './entry-json';

/**
 * The report as one JSON object (DESIGN.md section 9): `grants` in the documented shape, then
 * the federation trusts, audit log configurations and a summary that counts what was not read.
 */
export function reportJson(snapshot: AccessSnapshot): Record<string, unknown> {
  return {
    grants: snapshot.grants.map(grantJson),
    federation: snapshot.trusts.map(trustJson),
    auditLogs: snapshot.auditLogs.map(auditJson),
    summary: {
      stacks: [...snapshot.stacks],
      grants: snapshot.grants.length,
      principals: new Set(snapshot.grants.map((g) => g.principal)).size,
      ignored: ignoredJson(snapshot.ignored),
    },
  };
}
