import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';

/**
 * Synthesizes `stack` the way `cdktf synth` does (aspects, validations, `//` metadata with
 * construct paths) into a temporary folder, and returns the folder and the stack's parsed JSON.
 */
export function synthToFolder(stack: TerraformStack): { outdir: string; file: string; json: any } {
  const outdir = Testing.fullSynth(stack);
  const file = join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
  return { outdir, file, json: JSON.parse(readFileSync(file, 'utf8')) };
}
