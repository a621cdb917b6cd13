import { plural } from '../../core/private/plural';
import {
  FLAG_ORDER,
  type AccessFlag,
  type AuditEntry,
  type ConditionEntry,
  type GrantEntry,
  type IgnoredResources,
  type TrustEntry,
} from '../access-entries';
import { trustTerms } from '../escalations';
import { code, resourceText } from '../private/markdown';

/** `27`, or `?` when the catalog does not know the role. */
export function permissionsText(permissions: number | undefined): string {
  return permissions === undefined ? '?' : String(permissions);
}

/** The condition's title, with its expression, or nothing. */
export function conditionText(condition: ConditionEntry | undefined): string {
  if (!condition) return '';
  return condition.title
    ? `${condition.title}: ${code(condition.expression)}`
    : code(condition.expression);
}

/**
 * Flags in bold, in their fixed order. Worked out once per array: grants share their flags
 * arrays (`GrantFlags.of`), and most grants have none.
 */
export function flagsText(flags: readonly AccessFlag[]): string {
  if (flags.length === 0) return '';
  let text = FLAGS_TEXT.get(flags);
  if (text === undefined) {
    text = FLAG_ORDER.filter((f) => flags.includes(f))
      .map((f) => `**${f}**`)
      .join(' ');
    FLAGS_TEXT.set(flags, text);
  }
  return text;
}
const FLAGS_TEXT = new WeakMap<readonly AccessFlag[], string>();

/** The stack, the resource address and the construct path of an entry. */
export function whereText(entry: { stack: string; address: string; path?: string }): string {
  return `${entry.stack}: ${resourceText(entry)}`;
}

/** `_Not read: 3 resources of types random_id, ..._`, or undefined when every resource was read. */
export function ignoredText(ignored: IgnoredResources): string | undefined {
  if (ignored.count === 0) return undefined;
  return `_Not read: ${plural(ignored.count, 'resource')} of types the report does not read (${ignored.types.join(', ')})._`;
}

/** `ADMIN_READ, DATA_READ (exempts user:x)`, or `(none)`. */
export function logTypesText(a: AuditEntry): string {
  return (
    a.logTypes
      .map(
        (l) =>
          l.logType +
          (l.exemptedMembers.length > 0 ? ` (exempts ${l.exemptedMembers.join(', ')})` : ''),
      )
      .join(', ') || '(none)'
  );
}

/** The report's and the diff's columns of a grant after its principal: role to where. */
export function grantCells(g: GrantEntry): string[] {
  return [
    code(g.role),
    permissionsText(g.permissions),
    code(g.target),
    conditionText(g.condition),
    flagsText(g.flags),
    whereText(g),
  ];
}

/** The report's and the diff's columns of a federation trust: the trust, its terms, where. */
export function trustCells(t: TrustEntry): string[] {
  return [code(`${t.kind} ${t.name}`), trustTerms(t), whereText(t)];
}

/** The report's and the diff's columns of an audit log config: target, service, log types, where. */
export function auditCells(a: AuditEntry): string[] {
  return [code(a.target), code(a.service), logTypesText(a), whereText(a)];
}
