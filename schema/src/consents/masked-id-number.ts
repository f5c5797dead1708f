/** An identity number as MASKED shows it: the region code and the last four characters, 640104********0012. */
export function maskedIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}
