import { Aspects, IAspect } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Runs `check` when the stack of `construct` is synthesized, after every construct exists
 * (e.g. a provider added after the construct that needs it). `check` throws the library's
 * ValidationError.
 *
 * An aspect rather than `node.addValidation`: cdktf invokes aspects on every synth path
 * (`app.synth()`, `Testing.synth(stack)` with or without validations, `Testing.fullSynth`,
 * `Testing.synthHcl`), while validations only run in `app.synth()` and
 * `Testing.synth(stack, true)`, and cdktf turns their messages into a plain Error. Checks that
 * can run at construction time do so instead; this is for the ones that cannot.
 */
export function checkAtSynth(construct: IConstruct, check: () => void): void {
  const aspect: IAspect = {
    visit: (node) => {
      if (node === construct) check();
    },
  };
  Aspects.of(construct).add(aspect);
}
