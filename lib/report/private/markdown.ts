/** Inline code in a Markdown table cell (backticks inside become quotes). */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** A resource address, with its construct path on a second line when known. */
export function resourceText(entry: { address: string; path?: string }): string {
  return `${code(entry.address)}${entry.path ? `<br>${code(entry.path)}` : ''}`;
}

/** A Markdown table: header, separator and rows; pipes and newlines in cells are escaped. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}
