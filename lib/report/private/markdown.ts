/** Inline code in a Markdown table cell (backticks inside become quotes). */
export function code(text: string): string {
  // Most texts have no backtick: a report writes tens of thousands of cells, and skipping the
  // regular expression for them keeps formatting cheap (DESIGN.md section 6).
  return text.includes('`') ? `\`${text.replace(/`/g, "'")}\`` : `\`${text}\``;
}

/** A resource address, with its construct path on a second line when known. */
export function resourceText(entry: { address: string; path?: string }): string {
  return `${code(entry.address)}${entry.path ? `<br>${code(entry.path)}` : ''}`;
}

/** A Markdown table: header, separator and rows; pipes and newlines in cells are escaped. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const lines = [...headerLines(header)];
  for (const cells of rows) lines.push(row(cells));
  return lines;
}

/**
 * The header and separator lines of a table, made once per header array: a report writes one
 * table per principal, thousands with the same header.
 */
function headerLines(header: readonly string[]): readonly string[] {
  let lines = HEADER_LINES.get(header);
  if (!lines) {
    lines = [row(header), `|${header.map(() => '---').join('|')}|`];
    HEADER_LINES.set(header, lines);
  }
  return lines;
}
const HEADER_LINES = new WeakMap<readonly string[], readonly string[]>();

/** One table row. Built by concatenation, one cell at a time: no array per row. */
function row(cells: readonly string[]): string {
  let line = '|';
  for (const cell of cells) line += ` ${escapeCell(cell)} |`;
  return line;
}

/** A cell with pipes escaped and line breaks as spaces; most cells have neither, and are returned as they are. */
function escapeCell(cell: string): string {
  if (!cell.includes('|') && !cell.includes('\n')) return cell;
  return cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
