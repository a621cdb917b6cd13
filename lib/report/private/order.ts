/** Compares by code points, the same on every machine and locale (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` sorted by the texts `key` gives, compared in order. Each key is computed once and
 * joined with a separator below every printable character, so one comparison of the joined
 * texts orders by the first text, then the second...
 */
export function sortBy<T>(items: readonly T[], key: (item: T) => readonly string[]): T[] {
  const keyed = items.map((item) => ({ item, key: key(item).join('\u0000') }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map((k) => k.item);
}
