import type { AccessDiff } from '../access-diff';
import { auditJson, grantJson, ignoredJson, trustJson } from './entry-json';

/**
 * The diff as one JSON object (DESIGN.md section 9): `added`, `removed` and `escalations` in the
 * documented shape (`{ kind, message, grant }`, `grant` null for trust and audit escalations,
 * which carry `trust` or `auditLog`), plus `changed` grants, federation and audit log changes,
 * and a summary with the stacks added or removed and what was not read.
 */
export function diffJson(diff: AccessDiff): Record<string, unknown> {
  const { grants, trusts, auditLogs } = diff;
  return {
    summary: {
      stacks: {
        base: [...diff.base.stacks],
        head: [...diff.head.stacks],
        added: [...diff.stacksAdded],
        removed: [...diff.stacksRemoved],
      },
      added: grants.added.length,
      removed: grants.removed.length,
      changed: grants.changed.length,
      escalations: diff.escalations.length,
      ignored: { base: ignoredJson(diff.base.ignored), head: ignoredJson(diff.head.ignored) },
    },
    added: grants.added.map(grantJson),
    removed: grants.removed.map(grantJson),
    changed: grants.changed.map((c) => ({ from: grantJson(c.from), to: grantJson(c.to) })),
    federation: {
      added: trusts.added.map(trustJson),
      removed: trusts.removed.map(trustJson),
      changed: trusts.changed.map((c) => ({ from: trustJson(c.from), to: trustJson(c.to) })),
    },
    auditLogs: {
      added: auditLogs.added.map(auditJson),
      removed: auditLogs.removed.map(auditJson),
      changed: auditLogs.changed.map((c) => ({ from: auditJson(c.from), to: auditJson(c.to) })),
    },
    escalations: diff.escalations.map((e) => ({
      kind: e.kind,
      message: e.message,
      grant: e.grant ? grantJson(e.grant) : null,
      ...(e.trust ? { trust: trustJson(e.trust) } : {}),
      ...(e.auditLog ? { auditLog: auditJson(e.auditLog) } : {}),
    })),
  };
}
