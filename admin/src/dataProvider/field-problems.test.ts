import { describe, expect, it } from 'vitest';
import { fieldProblemsOf, formPath } from './field-problems.ts';

describe('the hub’s field problems as form errors', () => {
  it('names array items as react-hook-form does', () => {
    expect(formPath('members[1].idNumber')).toBe('members.1.idNumber');
    expect(formPath('household.regionCode')).toBe('household.regionCode');
  });

  it('puts each INVALID_INPUT problem’s code, to translate, under its input, renamed to the form’s field, and ignores other errors', () => {
    const error = fieldProblemsOf(
      {
        data: null,
        errors: [
          {
            message: 'items[0].amountFen: not negative; members[0].idNumber: not signed',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'items[0].amountFen', problem: 'NEGATIVE_AMOUNT', message: 'an amount is not negative' },
                { field: 'members[0].idNumber', problem: 'AUTHORISATION_NOT_SIGNED', message: 'not signed' },
              ],
            },
          },
        ],
      },
      (path) => path.replace(/amountFen$/, 'amountYuan'),
    );
    expect(error?.errors).toEqual({
      'items.0.amountYuan': 'hub.input_problem.NEGATIVE_AMOUNT',
      'members.0.idNumber': 'hub.input_problem.AUTHORISATION_NOT_SIGNED',
    });
    expect(fieldProblemsOf({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] })).toBeNull();
  });
});
