import { badUserInputError } from '@hub/schema/errors';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// Length is what makes a password hard to guess (NIST SP 800-63B); no composition rules, which only make them
// harder to remember. The upper bound keeps argon2 and the estimator from working on megabytes.
const LENGTH = { min: 12, max: 128 };
// zxcvbn's 3: "safely unguessable", about 10^10 guesses, which an offline attack on argon2id cannot afford.
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// Built on first use: the dictionaries take a moment to load.
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * A password follows the hub's policy, or BAD_USER_INPUT `WEAK_PASSWORD` says what to change: 12 to 128 characters,
 * not containing the username, and hard to guess by zxcvbn's estimate (common passwords, words, repeats, sequences,
 * keyboard patterns, dates and the user's own names count for little), whose feedback the error carries.
 */
export function checkPasswordPolicy(
  password: string,
  user: { username: string; displayName?: string },
  field = 'password',
): void {
  const weak = (problem: string, extensions: Record<string, unknown> = {}) =>
    badUserInputError('WEAK_PASSWORD', `${field}: ${problem}`, { field, ...extensions });
  const length = [...password].length;
  if (length < LENGTH.min || length > LENGTH.max) {
    throw weak(`use ${LENGTH.min} to ${LENGTH.max} characters`);
  }
  if (password.toLowerCase().includes(user.username.toLowerCase())) {
    throw weak('it must not contain the username');
  }
  const { score, feedback } = strengthEstimator().check(
    password,
    [user.username, user.displayName ?? ''].filter((input) => input !== ''),
  );
  if (score >= MIN_SCORE) return;
  const advice = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ');
  throw weak(`too easy to guess${advice ? `. ${advice}` : ''}`, {
    score,
    warning: feedback.warning,
    suggestions: feedback.suggestions,
  });
}
