import { readFileSync } from 'fs';
import { isAbsolute, relative, resolve } from 'path';
import { pathToFileURL } from 'url';
import type { TfResource } from '../analysis/model';

/** A file and line, relative to the folder the command runs in. */
export interface SourceLocation {
  readonly uri: string;
  readonly line: number;
}

/** `at new ApiStack (/repo/main.ts:12:5)` or `at /repo/main.ts:12:5`. */
const FRAME = /\(?((?:[A-Za-z]:)?[^()\s]+):(\d+):\d+\)?$/;

/**
 * Where a finding's construct was created, when cdktf recorded a stack trace in the
 * resource's `//` metadata (cdktf releases before 0.13 did; 0.21 records none unless its
 * metadata carries a trace): the first frame outside node_modules and Node internals.
 */
export function constructSource(resource: TfResource, cwd: string): SourceLocation | undefined {
  for (const frame of resource.stackTrace ?? []) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    const file = m[1];
    if (file.startsWith('node:') || file.includes('node_modules') || file.startsWith('internal/')) {
      continue;
    }
    return { uri: toUri(file, cwd), line: Number(m[2]) };
  }
  return undefined;
}

/**
 * Lines of each resource in a synthesized file, read once per file: cdktf writes stacks with
 * two-space indentation (json-stable-stringify), so a resource's name sits at depth 3 under
 * `"resource"` (or `"data"`) and its type. Linear in the file's lines.
 */
export class ResourceLines {
  private readonly byFile = new Map<string, Map<string, number>>();

  /** The line of `address` in `file` (1-based), or 1 when it cannot be found. */
  public lineOf(file: string, address: string): number {
    let lines = this.byFile.get(file);
    if (!lines) {
      lines = indexLines(file);
      this.byFile.set(file, lines);
    }
    return lines.get(address) ?? 1;
  }
}

function indexLines(file: string): Map<string, number> {
  const lines = new Map<string, number>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return lines;
  }
  let block: string | undefined;
  let type: string | undefined;
  const key = /^( *)"((?:[^"\\]|\\.)*)": [{[]/;
  text.split('\n').forEach((line, i) => {
    const m = key.exec(line);
    if (!m) return;
    const depth = m[1].length / 2;
    if (depth === 1) {
      block = m[2];
      type = undefined;
    } else if (depth === 2 && (block === 'resource' || block === 'data')) {
      type = m[2];
    } else if (depth === 3 && type && (block === 'resource' || block === 'data')) {
      lines.set(`${block === 'data' ? 'data.' : ''}${type}.${m[2]}`, i + 1);
    }
  });
  return lines;
}

/**
 * A path as a SARIF URI: relative to `cwd` (the repository root in CI, which code scanning
 * resolves it against) when inside it, else an absolute `file:` URI.
 */
export function toUri(file: string, cwd: string): string {
  const absolute = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(absolute).href;
  return rel.split('\\').join('/');
}
