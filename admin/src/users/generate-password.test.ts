import { describe, expect, it } from 'vitest';
import { generatePassword } from './generate-password.ts';

describe('a generated password', () => {
  it('is four groups of five unambiguous characters, different each time', () => {
    const first = generatePassword();
    expect(first).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(?:-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect(generatePassword()).not.toBe(first);
  });

  it('skips the bytes that would bias the alphabet', () => {
    const bytes = [255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const fixed = () => new Uint8Array([bytes.shift() ?? 0]);
    expect(generatePassword(fixed).startsWith('abcde')).toBe(true);
  });
});
