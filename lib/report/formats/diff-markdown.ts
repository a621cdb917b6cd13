import { plural } from '../../core/private/plural';
import type { AccessDiff, EntryChanges } from '../access-diff';
import type { AuditEntry, GrantEntry, TrustEntry } from '../access-entries';
import { trustTerms } from '../escalations';
import { code, table } from '../private/markdown';
import {
  auditCells,
  conditionText,
  flagsText,
  grantCells,
  ignoredText,
  logTypesText,
  permissionsText,
  trustCells,
  whereText,
} from './cells';

const GRANT_HEADER = ['Principal', 'Role', 'Permissions', 'Target', 'Condition', 'Flags', 'Where'];

/**
 * The diff in Markdown for a pull-request comment: one summary line, then the escalations, the
 * grants added, removed and changed, federation trusts and audit logs, each as a table. When
 * nothing changed, the one line alone.
 */
export function diffMarkdown(diff: AccessDiff): string {
  const { grants, trusts, auditLogs, escalations } = diff;
  const changes = [
    counts(grants, 'grant'),
    counts(trusts, 'federation trust'),
    counts(auditLogs, 'audit log config'),
    ...diff.stacksAdded.map((s) => `stack ${code(s)} added`),
    ...diff.stacksRemoved.map((s) => `stack ${code(s)} removed`),
  ].filter((c) => c !== '');
  if (changes.length === 0) {
    return `**Access review**: no access changes in ${plural(diff.head.stacks.length, 'stack')}.\n`;
  }
  const out = [
    `**Access review**: ${changes.join('; ')}; ` +
      (escalations.length > 0
        ? `**${plural(escalations.length, 'escalation')}**.`
        : 'no escalation.'),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', `#### ${title}`, '', ...lines);
  };
  section(
    'Escalations',
    escalations.length === 0
      ? []
      : table(
          ['Kind', 'Change', 'Where'],
          escalations.map((e) => [
            `**${e.kind}**`,
            e.message,
            whereText(e.grant ?? e.trust ?? e.auditLog!),
          ]),
        ),
  );
  section('Grants added', grantTable(grants.added));
  section('Grants removed', grantTable(grants.removed));
  section(
    'Grants changed',
    grants.changed.length === 0
      ? []
      : table(
          ['Principal', 'Target', 'Before', 'After', 'Where'],
          grants.changed.map(({ from, to }) => [
            code(to.principal),
            code(to.target),
            grantTerms(from),
            grantTerms(to),
            whereText(to),
          ]),
        ),
  );
  section('Federation trusts', trustTable(trusts));
  section('Audit logs', auditTable(auditLogs));
  const ignored = ignoredText(diff.head.ignored);
  if (ignored) out.push('', ignored);
  return out.join('\n') + '\n';
}

/** `2 grants added, 1 removed` with zero counts left out, or '' when nothing changed. */
function counts<T>(changes: EntryChanges<T>, noun: string): string {
  const parts = (
    [
      [changes.added.length, 'added'],
      [changes.removed.length, 'removed'],
      [changes.changed.length, 'changed'],
    ] as const
  ).filter(([n]) => n > 0);
  return parts
    .map(([n, verb], i) => (i === 0 ? `${plural(n, noun)} ${verb}` : `${n} ${verb}`))
    .join(', ');
}

function grantTable(list: readonly GrantEntry[]): string[] {
  if (list.length === 0) return [];
  return table(
    GRANT_HEADER,
    list.map((g) => [code(g.principal), ...grantCells(g)]),
  );
}

/** Role, permission count, condition and flags of one side of a changed grant. */
function grantTerms(g: GrantEntry): string {
  const parts = [`${code(g.role)} (${permissionsText(g.permissions)})`];
  const condition = conditionText(g.condition);
  if (condition) parts.push(`if ${condition}`);
  const flags = flagsText(g.flags);
  if (flags) parts.push(flags);
  return parts.join(' ');
}

function trustTable(changes: EntryChanges<TrustEntry>): string[] {
  const rows = [
    ...changes.added.map((t) => ['added', ...trustCells(t)]),
    ...changes.removed.map((t) => ['removed', ...trustCells(t)]),
    ...changes.changed.map(({ from, to }) => [
      'changed',
      code(`${to.kind} ${to.name}`),
      `${trustTerms(from)} → ${trustTerms(to)}`,
      whereText(to),
    ]),
  ];
  return rows.length === 0 ? [] : table(['Change', 'Trust', 'Terms', 'Where'], rows);
}

function auditTable(changes: EntryChanges<AuditEntry>): string[] {
  const types = logTypesText;
  const rows = [
    ...changes.added.map((a) => ['added', ...auditCells(a)]),
    ...changes.removed.map((a) => ['removed', ...auditCells(a)]),
    ...changes.changed.map(({ from, to }) => [
      'changed',
      code(to.target),
      code(to.service),
      `${types(from)} → ${types(to)}`,
      whereText(to),
    ]),
  ];
  return rows.length === 0
    ? []
    : table(['Change', 'Target', 'Service', 'Log types', 'Where'], rows);
}
