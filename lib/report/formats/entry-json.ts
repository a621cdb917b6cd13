import type { AuditEntry, GrantEntry, IgnoredResources, TrustEntry } from '../access-entries';

/** DESIGN.md section 9: `{ stack, principal, role, permissions, target, condition, address, path, flags }`. */
export function grantJson(g: GrantEntry): Record<string, unknown> {
  return {
    stack: g.stack,
    principal: g.principal,
    role: g.role,
    permissions: g.permissions ?? null,
    target: g.target,
    condition: g.condition
      ? { title: g.condition.title ?? null, expression: g.condition.expression }
      : null,
    address: g.address,
    path: g.path ?? null,
    flags: [...g.flags],
  };
}

/** A federation trust: who may exchange tokens, under which terms. */
export function trustJson(t: TrustEntry): Record<string, unknown> {
  return {
    stack: t.stack,
    cloud: t.cloud,
    kind: t.kind,
    name: t.name,
    issuer: t.issuer ?? null,
    audiences: [...t.audiences],
    condition: t.condition ?? null,
    subject: t.subject ?? null,
    address: t.address,
    path: t.path ?? null,
  };
}

/** An audit log configuration: the log types on, and who is exempted from each. */
export function auditJson(a: AuditEntry): Record<string, unknown> {
  return {
    stack: a.stack,
    target: a.target,
    service: a.service,
    logTypes: a.logTypes.map((l) => ({
      logType: l.logType,
      exemptedMembers: [...l.exemptedMembers],
    })),
    address: a.address,
    path: a.path ?? null,
  };
}

export function ignoredJson(i: IgnoredResources): Record<string, unknown> {
  return { count: i.count, types: [...i.types] };
}
