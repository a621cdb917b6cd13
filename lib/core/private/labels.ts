import { IConstruct } from 'constructs';
import { invalidValue } from './messages';
import { isUnresolved } from './validate';

const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

/**
 * Google Cloud labels: keys 1-63 characters of lowercase letters, digits, `_` and `-`,
 * starting with a letter; values up to 63 of the same. Tokens pass (a whole map given as a
 * token is checked by the provider).
 */
export function validateLabels(
  scope: IConstruct,
  prop: string,
  labels: Record<string, string> | undefined,
): void {
  if (labels === undefined || isUnresolved(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    if (!isUnresolved(key) && !LABEL_KEY.test(key)) {
      throw invalidValue(
        scope,
        `${prop} key`,
        key,
        "must be 1-63 characters of a-z, 0-9, '_' and '-', starting with a letter",
        "Use e.g. 'team' or 'cost-center'.",
      );
    }
    if (!isUnresolved(value) && !LABEL_VALUE.test(value)) {
      throw invalidValue(
        scope,
        `${prop}.${key}`,
        value,
        "must be at most 63 characters of a-z, 0-9, '_' and '-'",
        "Use lowercase, e.g. 'payments'.",
      );
    }
  }
}
