// GB 32100-2015: a unified social credit code's 18th character is 31 − (Σ value × 3^(i−1) mod 31), mod 31.
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid unified social credit code for an enterprise of the region, its body built from `n`. */
export function composeCreditCode(regionCode: string, n: number): string {
  const first17 = `91${regionCode}${String(n).padStart(9, '0').slice(-9)}`;
  const sum = [...first17].reduce(
    (total, character, i) => total + CHARACTERS.indexOf(character) * (WEIGHTS[i] ?? 0),
    0,
  );
  return first17 + CHARACTERS[(31 - (sum % 31)) % 31];
}
