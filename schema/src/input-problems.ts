import { badUserInputError } from './errors.ts';

/** One field of an input that is wrong: its path as the caller wrote it (`members[1].idNumber`), a code, a sentence. */
export interface InputProblem {
  field: string;
  problem: string;
  message: string;
}

/**
 * Collects every problem of one input before anything is written, so that the caller learns all of them at once;
 * `throwIfAny` turns them into one BAD_USER_INPUT `INVALID_INPUT` whose `fields` name each.
 */
export class InputProblems {
  readonly list: InputProblem[] = [];

  add(field: string, problem: string, message: string): void {
    this.list.push({ field, problem, message });
  }

  throwIfAny(): void {
    if (!this.list.length) return;
    const shown = this.list.slice(0, 5).map((entry) => `${entry.field}: ${entry.message}`);
    const more = this.list.length > 5 ? `; and ${this.list.length - 5} more` : '';
    throw badUserInputError('INVALID_INPUT', `${shown.join('; ')}${more}`, { fields: this.list });
  }
}
