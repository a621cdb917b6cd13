import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidValue } from './messages';
import { stackRelativePath } from './stable-id';
import { isUnresolved } from './validate';

/** What the registry knows of an identity: its construct and its member reference. */
export interface RegisteredIdentity extends IConstruct {
  readonly email: string;
  readonly member: string;
}

/** Service accounts created in each stack, by lower-cased email. */
const CREATED = new WeakMap<TerraformStack, Map<string, RegisteredIdentity>>();

/**
 * The email of a service account created in `project` with `accountId`, or undefined when
 * either is a token. Domain-scoped projects (`example.com:acme`) have emails under
 * `acme.example.com.iam.gserviceaccount.com`.
 */
export function serviceAccountEmail(project: string, accountId: string): string | undefined {
  if (isUnresolved(project) || isUnresolved(accountId)) return undefined;
  const colon = project.indexOf(':');
  const domain = colon < 0 ? project : `${project.slice(colon + 1)}.${project.slice(0, colon)}`;
  return `${accountId}@${domain}.iam.gserviceaccount.com`.toLowerCase();
}

/**
 * Records a service account the stack creates. Two in one stack with the same email would
 * fail at apply ("already exists"), so the second is refused here.
 */
export function registerCreatedAccount(
  identity: RegisteredIdentity,
  email: string | undefined,
): void {
  if (email === undefined) return;
  const stack = TerraformStack.of(identity);
  let known = CREATED.get(stack);
  if (!known) CREATED.set(stack, (known = new Map()));
  const existing = known.get(email);
  if (existing) {
    throw invalidValue(
      identity,
      'accountId',
      email.split('@')[0],
      `is already the account id of ${stackRelativePath(existing)} in this project ('${email}'), and a project cannot hold two accounts with one id`,
      'Reuse that identity, or choose another accountId.',
    );
  }
  known.set(email, identity);
}

/** The identity the stack creates for `email` (any case), if any. */
export function createdAccountFor(
  scope: IConstruct,
  email: string,
): RegisteredIdentity | undefined {
  if (isUnresolved(email)) return undefined;
  return CREATED.get(TerraformStack.of(scope))?.get(email.toLowerCase());
}
