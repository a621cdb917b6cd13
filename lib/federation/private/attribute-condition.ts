/**
 * Whether a provider's attribute condition can ever refuse a token. A condition restricts only
 * if **every** way to satisfy it looks at the token: `true || true`, `'a' == 'a'`, `(true)` or
 * `assertion.sub != '' || true` accept every token of the issuer.
 *
 * The judgement is structural, on the CEL text: split at top-level `||` (each branch must
 * restrict) and `&&` (one restricting part is enough), unwrap parentheses, and call a part
 * restricting when it reads a claim (`assertion.`, `attribute.`, `google.`) outside string
 * literals, or holds a reference only Terraform can resolve. It does not evaluate CEL, so a
 * claim compared with itself is not caught; it catches conditions that read no claim at all on
 * some branch, which is how always-true conditions are written.
 *
 * Attribute conditions: https://cloud.google.com/iam/docs/workload-identity-federation#conditions
 */
export function acceptsEveryToken(condition: string): boolean {
  return !restricts(condition);
}

const CLAIM = /\b(assertion|attribute|google)\./;
/** A cdktf token (a reference): opaque until apply, so given the benefit of the doubt. */
const REFERENCE = /\$\{TfToken\[/;

function restricts(expression: string): boolean {
  const text = unwrap(expression.trim());
  const disjuncts = splitTopLevel(text, '||');
  if (disjuncts.length > 1) return disjuncts.every(restricts);
  const conjuncts = splitTopLevel(text, '&&');
  if (conjuncts.length > 1) return conjuncts.some(restricts);
  const code = withoutStringLiterals(text);
  return CLAIM.test(code) || REFERENCE.test(code);
}

/** `((x))` → `x`, when the outer parentheses enclose the whole expression. */
function unwrap(text: string): string {
  let current = text;
  while (current.startsWith('(') && closingParenthesis(current, 0) === current.length - 1) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

/** Index of the parenthesis closing the one at `open`, skipping string literals. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = endOfString(text, i);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `operator` where it is outside brackets and string literals. */
function splitTopLevel(text: string, operator: '||' | '&&'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = endOfString(text, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && text.startsWith(operator, i)) {
      parts.push(text.slice(start, i));
      start = i + operator.length;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the quote that ends the string literal starting at `open` (backslash escapes honoured). */
function endOfString(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** The expression with every string literal emptied, so a claim name inside quotes is not read as a claim. */
function withoutStringLiterals(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = endOfString(text, i);
      out += `${c}${c}`;
      i = end;
      continue;
    }
    out += c;
  }
  return out;
}
