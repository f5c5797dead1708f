import { badUserInputError } from '@hub/schema/errors';

/** The reason a person gives for a change: it is kept with the change's event and shown to whoever reads it next. */
export function changeReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) {
    throw badUserInputError('BLANK_VALUE', 'reason: say why, for whoever reads this change next', {
      field: 'reason',
    });
  }
  return trimmed;
}
