const VALIDATION_ERROR_SYMBOL = Symbol.for('cdktf-guardrails.ValidationError');

/**
 * Thrown when a prop or argument would produce insecure or invalid Terraform.
 *
 * The message names where the problem is (a construct path, or the factory that was
 * called), the prop, the value that was given, and what to write instead.
 *
 * It is not part of the jsii API (jsii cannot model subclasses of `Error`); TypeScript
 * users import it from `cdktf-guardrails/errors`, every language can use
 * `Errors.isValidationError(x)`.
 */
export class ValidationError extends Error {
  /** Construct path (or factory name) where the bad value was given. */
  public readonly location: string;
  /** Name of the prop or argument that was refused. */
  public readonly prop: string;

  /**
   * @param location construct path or factory name
   * @param prop the prop or argument that was refused
   * @param message the full message, with the value and the fix
   */
  constructor(location: string, prop: string, message: string) {
    super(message);
    this.name = 'ValidationError';
    this.location = location;
    this.prop = prop;
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Helpers to recognise the library's errors from any language. */
export class Errors {
  /**
   * True when `x` is a ValidationError, even one made by another copy of this library.
   */
  public static isValidationError(x: unknown): boolean {
    return x !== null && typeof x === 'object' && VALIDATION_ERROR_SYMBOL in x;
  }

  private constructor() {}
}
