import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, dirname, join } from 'path';
import { analyzeStack, StackInputError } from './analyze';
import type { StackModel } from './model';

/** The file name cdktf writes for each stack. */
const STACK_FILE = 'cdk.tf.json';

/**
 * Reads synthesized stacks from folders and files, the way the command line is given them:
 * a cdktf output folder (`cdktf.out`, through its `manifest.json` or `stacks/<name>/`), one
 * stack's folder, or `*.tf.json` files. Stacks are returned in a stable order.
 *
 * @throws StackInputError for a missing path, a folder without stacks, or a file that is not
 * a synthesized stack (unreadable, malformed JSON, not Terraform JSON)
 */
export function readSynthOutput(paths: readonly string[]): StackModel[] {
  return synthOutputFiles(paths).map((file) => parseStackText(readStackText(file), file));
}

/**
 * The stack files that paths stand for (see `readSynthOutput`), in a stable order, for callers
 * that read and parse them one at a time.
 *
 * @throws StackInputError for a missing path or a folder without stacks
 */
export function synthOutputFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => stackFiles(p));
}

/**
 * The text of one stack file.
 *
 * @throws StackInputError when the file cannot be read
 */
export function readStackText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new StackInputError(
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}

/**
 * The model of the stack that `text`, read from `file`, holds.
 *
 * @throws StackInputError when the text is not JSON or not a synthesized stack
 */
export function parseStackText(text: string, file: string): StackModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StackInputError(`${file}: not valid JSON (${(e as Error).message}).`);
  }
  return analyzeStack(json, { file, stack: stackNameOf(json, file) });
}

/** The stack files a path stands for. */
function stackFiles(path: string): string[] {
  if (!existsSync(path)) {
    throw new StackInputError(
      `${path}: no such file or folder. Run \`cdktf synth\` (or your app) first, or pass the folder it writes (default cdktf.out).`,
    );
  }
  if (!statSync(path).isDirectory()) return [path];
  const manifest = join(path, 'manifest.json');
  if (existsSync(manifest)) return fromManifest(manifest);
  const stacks = join(path, 'stacks');
  if (existsSync(stacks) && statSync(stacks).isDirectory()) {
    const found = readdirSync(stacks)
      .sort()
      .map((name) => join(stacks, name, STACK_FILE))
      .filter((file) => existsSync(file));
    if (found.length > 0) return found;
  }
  const direct = readdirSync(path)
    .filter((f) => f.endsWith('.tf.json'))
    .sort()
    .map((f) => join(path, f));
  if (direct.length > 0) return direct;
  throw new StackInputError(
    `${path}: no synthesized stacks found (expected manifest.json, stacks/<name>/${STACK_FILE} or *.tf.json files). Run \`cdktf synth\` first.`,
  );
}

function fromManifest(manifest: string): string[] {
  let parsed: { stacks?: Record<string, { synthesizedStackPath?: string }> };
  try {
    parsed = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch (e) {
    throw new StackInputError(`${manifest}: not valid JSON (${(e as Error).message}).`);
  }
  const stacks = parsed && typeof parsed === 'object' ? parsed.stacks : undefined;
  if (!stacks || typeof stacks !== 'object') {
    throw new StackInputError(`${manifest}: not a cdktf manifest (no 'stacks').`);
  }
  const files = Object.keys(stacks)
    .sort()
    .map((name) => {
      const relative = stacks[name]?.synthesizedStackPath;
      if (typeof relative !== 'string') {
        throw new StackInputError(`${manifest}: stack '${name}' has no synthesizedStackPath.`);
      }
      return join(dirname(manifest), relative);
    })
    .filter((file) => file.endsWith('.json'));
  if (files.length === 0) {
    throw new StackInputError(`${manifest}: lists no JSON stacks (HCL output cannot be checked).`);
  }
  return files;
}

/** The `stackName` cdktf recorded, else the folder of a `cdk.tf.json`, else the file name. */
function stackNameOf(json: unknown, file: string): string | undefined {
  const meta = (json as { '//'?: { metadata?: { stackName?: unknown } } } | null)?.['//']?.metadata;
  if (typeof meta?.stackName === 'string') return meta.stackName;
  return basename(file) === STACK_FILE ? basename(dirname(file)) : basename(file, '.tf.json');
}
