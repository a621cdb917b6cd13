import { IConstruct } from 'constructs';
import { ValidationError } from '../../core/errors';
import { plural } from '../../core/private/plural';
import { describe, FIX_OR_ACKNOWLEDGE } from '../../rules/private/synth-check';
import type { GuardrailsFinding } from '../guardrails-finding';

/**
 * The error a failed assertion of the test helpers throws: a ValidationError at the stack,
 * named by the assertion, with `message` as is. Not node's `AssertionError`: jest shows that
 * one as "Expected value undefined, Received: undefined ... no visual difference" around the
 * message and strips the indentation of its lists; through jsii, either reaches Python or
 * Java as an exception with the message.
 */
export function assertionFailed(
  stack: IConstruct,
  assertion: string,
  message: string,
): ValidationError {
  return new ValidationError(stack.node.path, assertion, message);
}

/**
 * `passesGuardrails`' failure: each failing finding on one line as synth shows it, with its
 * severity, then what to do, and how many acknowledged findings were not counted.
 */
export function guardrailsFailure(
  stack: IConstruct,
  failing: readonly GuardrailsFinding[],
  acknowledged: number,
): ValidationError {
  return assertionFailed(
    stack,
    'passesGuardrails',
    [
      `Expected ${stack.node.path} to pass the guardrails, found ${plural(failing.length, 'finding')}:`,
      ...failing.map((f) => `  ${f.severity} ${describe(f)}`),
      FIX_OR_ACKNOWLEDGE,
      ...(acknowledged > 0
        ? [`(${plural(acknowledged, 'acknowledged finding')} not counted.)`]
        : []),
    ].join('\n'),
  );
}
