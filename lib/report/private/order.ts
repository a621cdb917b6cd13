/** Compares by code points, the same on every machine and locale (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` sorted by the texts `key` gives, compared in order: by the first text, then the
 * second... The texts are joined below every printable character and sorted by the engine's
 * own string order (the same code-point order as `compareText`), without a comparison
 * function: a large report sorts thousands of grants, and calling back into JavaScript for
 * each comparison cost more than building the report.
 */
export function sortBy<T>(items: readonly T[], key: (item: T) => readonly string[]): T[] {
  const keyed = items.map((item, i) => `${key(item).join('\u0001')}\u0000${i}`);
  keyed.sort();
  return keyed.map((k) => items[Number(k.slice(k.lastIndexOf('\u0000') + 1))]);
}
