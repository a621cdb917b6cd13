/** Inline code in a Markdown table cell (backticks inside become quotes). */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** A Markdown table: header, separator and rows; pipes and newlines in cells are escaped. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

/** `1 grant`, `2 grants`. */
export function plural(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}
