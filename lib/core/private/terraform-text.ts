/**
 * Literal text inside Terraform JSON strings. Terraform reads every JSON string as a template:
 * `${...}` is an interpolation and `%{...}` a directive, even when the text came from a
 * description or an environment value. cdktf writes literal strings as they are and only
 * renders its own tokens (`${TfToken[...]}` markers) as references.
 *
 * Template syntax: https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 * (`$${` and `%%{` are the literal forms).
 */

/** A cdktf string token marker; everything outside one is literal text. */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;
const TEMPLATE_START = /([$%])\{/g;
const HAS_TEMPLATE_START = /[$%]\{/;

/** The literal parts of `text`: the text without the cdktf token markers in it. */
function literalParts(text: string): string[] {
  return text.split(TOKEN_MARKER).filter((_, i) => i % 2 === 0);
}

/** True when literal text (outside cdktf tokens) holds `${` or `%{`, which Terraform would evaluate. */
export function hasTemplateSequence(text: string): boolean {
  return (
    HAS_TEMPLATE_START.test(text) && literalParts(text).some((p) => HAS_TEMPLATE_START.test(p))
  );
}

/**
 * `text` with `${` and `%{` in its literal parts escaped (`$${`, `%%{`), so Terraform writes
 * them as they are; cdktf tokens in it stay references. Used for free text that reaches
 * Terraform: descriptions, reasons, environment values, prefixes inside IAM conditions.
 */
export function terraformLiteral(text: string): string {
  if (!HAS_TEMPLATE_START.test(text)) return text;
  return text
    .split(TOKEN_MARKER)
    .map((part, i) => (i % 2 === 0 ? part.replace(TEMPLATE_START, '$1$1{') : part))
    .join('');
}
