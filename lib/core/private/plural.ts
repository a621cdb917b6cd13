/**
 * `1 grant`, `2 grants`: a count with its noun, for messages, summaries and reports (the one
 * way every command, assertion and synth error counts things).
 */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
