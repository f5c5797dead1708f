import type { MaskName } from './annotations.ts';

const stars = (count: number) => '*'.repeat(Math.max(count, 1));

function keepEnds(value: string, head: number, tail: number): string {
  const characters = [...value];
  if (characters.length <= head + tail) return characters[0] + stars(characters.length - 1);
  return characters.slice(0, head).join('') + stars(characters.length - head - tail) + characters.slice(-tail).join('');
}

/** The masked forms a MASKED agreement discloses: ID 640102********123X, name 张*, phone 138****5678. */
const MASKS: Record<MaskName, (value: string) => string> = {
  ID_NUMBER: (value) => keepEnds(value, 6, 4),
  NAME: (value) => [...value][0] + stars([...value].length - 1),
  PHONE: (value) => keepEnds(value, 3, 4),
  ACCOUNT: (value) => keepEnds(value, 4, 4),
  PLATE: (value) => keepEnds(value, 2, 2),
  ADDRESS: (value) => [...value].slice(0, 6).join('') + stars(4),
};

export function maskValue(mask: MaskName, value: unknown): unknown {
  return typeof value === 'string' && value.length > 0 ? MASKS[mask](value) : value;
}

/** An identity number as MASKED access shows it: the region code and the last four characters, 640102********123X. */
export const maskedIdNumber = (idNumber: string): string => MASKS.ID_NUMBER(idNumber);
