/** An identity number as MASKED access shows it: the first six and last four characters, 640102********123X. */
export function maskedIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}${'*'.repeat(Math.max(0, idNumber.length - 10))}${idNumber.slice(-4)}`;
}
