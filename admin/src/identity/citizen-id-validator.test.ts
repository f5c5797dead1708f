import { describe, expect, it } from 'vitest';
import { citizenId } from './citizen-id-validator.ts';

describe('citizenId (GB 11643, in the browser)', () => {
  it('accepts a valid number, with a lowercase x too, and leaves an empty one to required()', () => {
    expect(citizenId('361102196801010013')).toBeUndefined();
    expect(citizenId('36110220150315002x')).toBeUndefined();
    expect(citizenId('')).toBeUndefined();
  });

  it('names what is wrong: the format, the birth date, the check character', () => {
    expect(citizenId('36110219680101001')).toBe('hub.validation.id_number');
    expect(citizenId('361102196802300013')).toBe('hub.validation.id_birth_date');
    expect(citizenId('361102196801010014')).toBe('hub.validation.id_check_character');
  });
});
