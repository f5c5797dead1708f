import {
  citizenIdCheckCharacter,
  composeCitizenId,
  InvalidCitizenIdError,
  maskCitizenId,
  parseCitizenId,
} from '@hub/prisma/identity/citizen-id-number';
import { describe, expect, it } from 'vitest';

describe('citizen identity numbers (GB 11643)', () => {
  it('accepts the standard worked example 11010519491231002X', () => {
    const id = parseCitizenId('11010519491231002X');
    expect(id.regionCode).toBe('110105');
    expect(id.birthDate.toISOString().slice(0, 10)).toBe('1949-12-31');
    expect(id.sex).toBe('FEMALE');
  });

  it('reads an odd sequence as male and accepts a lowercase x', () => {
    const id = composeCitizenId('640102', new Date(Date.UTC(1980, 4, 17)), 123);
    expect(parseCitizenId(id).sex).toBe('MALE');
    expect(parseCitizenId('11010519491231002x').idNumber).toBe('11010519491231002X');
  });

  it('rejects every single-character change to the check character', () => {
    const valid = '11010519491231002X';
    for (const wrong of '0123456789') {
      expect(() => parseCitizenId(valid.slice(0, 17) + wrong)).toThrowError(
        expect.objectContaining({ problem: 'CHECK_CHARACTER' }),
      );
    }
  });

  it('rejects a transposition of two digits', () => {
    expect(() => parseCitizenId('11010591491231002X')).toThrowError(InvalidCitizenIdError);
  });

  it.each([
    ['too short', '1101051949123100'],
    ['letters in the body', '1101A519491231002X'],
    ['empty', ''],
  ])('rejects a malformed number (%s)', (_, input) => {
    expect(() => parseCitizenId(input)).toThrowError(expect.objectContaining({ problem: 'FORMAT' }));
  });

  it('rejects an impossible birth date even with a matching check character', () => {
    const first17 = '64010219810230123';
    const id = first17 + citizenIdCheckCharacter(first17);
    expect(() => parseCitizenId(id)).toThrowError(expect.objectContaining({ problem: 'BIRTH_DATE' }));
  });

  it('masks all but the region and the last four characters', () => {
    expect(maskCitizenId('64010219800517123X')).toBe('640102********123X');
  });
});
