/** Compares by code points, the same on every machine and locale (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `items` sorted by the texts `key` gives, compared in order; each key is computed once. */
export function sortBy<T>(items: readonly T[], key: (item: T) => readonly string[]): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareText(a.key[i], b.key[i]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
