import { citizenIdCheckCharacter } from '../identity/citizen-id-number.ts';
import { compactDate } from './calendar.ts';

// Identity numbers must be unique, and the 3-digit sequence is the only free part once region, birth date and sex
// are fixed: about 500 numbers per sex per region per day. A counter per (region, day, sex) hands them out in turn, from
// a start that varies by region and day so that sequences do not all begin at 001.

const FIRST_BIRTH_DAY = Date.UTC(1900, 0, 1) / 86_400_000;
const BIRTH_DAYS = Date.UTC(2061, 0, 1) / 86_400_000 - FIRST_BIRTH_DAY;
// Sequence 000 is never issued: females get 002–998, males 003–999.
const PER_SEX = 499;

export class CitizenIdAllocator {
  private readonly regionIndex = new Map<string, number>();
  private counters = new Uint16Array(0);

  /** A new, never-issued identity number for someone born on `birthDay` (a day number) in `regionCode`. */
  allocate(regionCode: string, birthDay: number, sex: 'MALE' | 'FEMALE'): string {
    const region = this.indexOf(regionCode);
    const dayOffset = birthDay - FIRST_BIRTH_DAY;
    if (dayOffset < 0 || dayOffset >= BIRTH_DAYS) throw new RangeError(`birth day ${birthDay} is outside 1900–2060`);
    const slot = ((region * BIRTH_DAYS + dayOffset) << 1) | (sex === 'MALE' ? 1 : 0);
    const issued = this.counters[slot] as number;
    if (issued >= PER_SEX) {
      throw new RangeError(`no identity numbers left for ${regionCode} on that birth date: spread births more widely`);
    }
    this.counters[slot] = issued + 1;
    const start = (region * 131 + dayOffset * 37) % PER_SEX;
    const sequence = (((start + issued) % PER_SEX) + 1) * 2 + (sex === 'MALE' ? 1 : 0);
    // composeCitizenId's arithmetic, with the birth date from the calendar's cache instead of a Date per person.
    const first17 = `${regionCode}${compactDate(birthDay)}${sequence < 10 ? '00' : sequence < 100 ? '0' : ''}${sequence}`;
    return first17 + citizenIdCheckCharacter(first17);
  }

  private indexOf(regionCode: string): number {
    let index = this.regionIndex.get(regionCode);
    if (index === undefined) {
      index = this.regionIndex.size;
      this.regionIndex.set(regionCode, index);
      const grown = new Uint16Array((index + 1) * BIRTH_DAYS * 2);
      grown.set(this.counters);
      this.counters = grown;
    }
    return index;
  }
}
