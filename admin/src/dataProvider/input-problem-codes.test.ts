import { describe, expect, it } from 'vitest';
import { englishMessages } from '../i18n/en.ts';
import { chineseMessages } from '../i18n/zh-cn.ts';
import { INPUT_PROBLEM_CODES, inputProblemMessage } from './input-problem-codes.ts';

type Messages = { hub: { input_problem: Record<string, string> } };

describe('the hub’s input problem codes in the portal', () => {
  it('has words for every code, and for any other, in both languages', () => {
    for (const messages of [chineseMessages, englishMessages] as unknown as Messages[]) {
      for (const code of [...INPUT_PROBLEM_CODES, 'OTHER']) expect(messages.hub.input_problem[code], code).toBeTruthy();
    }
  });

  it('reads an unknown code as OTHER', () => {
    expect(inputProblemMessage('AUTHORISATION_NOT_SIGNED')).toBe('hub.input_problem.AUTHORISATION_NOT_SIGNED');
    expect(inputProblemMessage('SOMETHING_NEW')).toBe('hub.input_problem.OTHER');
  });
});
