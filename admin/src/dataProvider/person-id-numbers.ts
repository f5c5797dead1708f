// The portal names a person in its addresses by the hub's internal id, never by the identity number: an address
// stays in the browser's history, its bookmarks and proxies' logs. The numbers of the persons found in this tab are
// kept here, in memory only, to ask the hub again with `person(idNumber:)`; a reload forgets them.
const idNumbers = new Map<string, string>();

/** Keeps a person's identity number for this tab, by their internal id. */
export function rememberIdNumber(personId: string, idNumber: string): void {
  idNumbers.set(personId, idNumber);
}

/** The identity number of a person found in this tab; undefined for one found before a reload or never. */
export function idNumberOf(personId: string): string | undefined {
  return idNumbers.get(personId);
}
