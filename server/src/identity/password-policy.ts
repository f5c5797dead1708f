import { badUserInputError } from '@hub/schema/errors';

// Length is what makes a password hard to guess (NIST SP 800-63B); no composition rules, which only make them
// harder to remember. The upper bound keeps argon2 from hashing megabytes.
const LENGTH = { min: 12, max: 128 };

/** A new user's password follows the hub's password policy, or BAD_USER_INPUT `WEAK_PASSWORD` says what to change. */
export function checkPasswordPolicy(password: string, username: string): void {
  const length = [...password].length;
  if (length < LENGTH.min || length > LENGTH.max) {
    throw badUserInputError('WEAK_PASSWORD', `password: use ${LENGTH.min} to ${LENGTH.max} characters`, {
      field: 'password',
    });
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw badUserInputError('WEAK_PASSWORD', 'password: it must not contain the username', { field: 'password' });
  }
}
