/**
 * The one check that a sensitivity study has a single target. The CLI runs it before loading the model
 * (a wrong pair of flags is said at once) and `runSensitivity` runs it for callers of the library.
 */
import { InputError } from '../errors.ts';

export interface TargetChoice {
  readonly output?: string;
  readonly claim?: string;
}

/** Refuses `--output` together with `--claim`. */
export function checkTarget(choice: TargetChoice): void {
  if (choice.output !== undefined && choice.claim !== undefined) {
    throw new InputError('--claim', choice.claim, 'either --output or --claim, not both');
  }
}
