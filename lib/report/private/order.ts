/** Compares by code points, the same on every machine and locale (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` sorted by `compare`, in a new array. The sort is stable: items that compare equal
 * keep their order.
 */
export function sortBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}
