import { basename, dirname } from 'path';
import { parseStackText, readStackText, synthOutputFiles } from '../analysis/read-synth-output';
import type { AccessSnapshot } from '../report/access-entries';
import { mergeAccess, type SnapshotOptions } from '../report/access-snapshot';
import { stackAccess, type StackAccess } from '../report/private/stack-access';

/**
 * Reads the access of synth outputs for one run of a command, working out each stack's entries
 * once per distinct file content. A diff reads the base and the head output of a pull request,
 * and most stacks of an app are byte-identical in both: each of those is parsed and analyzed
 * once, not twice (a diff of two outputs costs about one report, DESIGN.md section 6).
 *
 * Sound because a stack's entries (`stackAccess`) follow from its synthesized JSON and its name
 * alone, and the name from the JSON and the file's last two path segments (`readSynthOutput`).
 * A reader lives for one command run: nothing is shared across runs.
 */
export class AccessReader {
  /** Entries by file text, then by the file's last two path segments. */
  private readonly byText = new Map<string, Map<string, StackAccess>>();

  /** The snapshot of the stacks `path` stands for (a cdktf output folder, a stack folder or file). */
  public snapshot(path: string, options: SnapshotOptions = {}): AccessSnapshot {
    return mergeAccess(
      synthOutputFiles([path]).map((file) => this.stackOf(file)),
      options,
    );
  }

  private stackOf(file: string): StackAccess {
    const text = readStackText(file);
    const where = `${basename(dirname(file))}/${basename(file)}`;
    let byWhere = this.byText.get(text);
    if (!byWhere) {
      byWhere = new Map();
      this.byText.set(text, byWhere);
    }
    let stack = byWhere.get(where);
    if (!stack) {
      stack = stackAccess(parseStackText(text, file));
      byWhere.set(where, stack);
    }
    return stack;
  }
}
