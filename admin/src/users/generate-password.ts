// No 0/O, 1/l/I: a password read aloud or copied by hand is read right.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A password for an administrator to hand over once: four groups of five characters drawn uniformly by the
 * browser's CSPRNG, about 115 bits, far beyond the hub's policy (12 characters, zxcvbn score 3).
 */
export function generatePassword(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)) {
  const groups: string[] = [];
  for (let group = 0; group < 4; group += 1) {
    let text = '';
    while (text.length < 5) {
      const [byte = 0] = random(new Uint8Array(1));
      // Rejection sampling: bytes past the last whole multiple of the alphabet would favour its first letters.
      if (byte < 256 - (256 % ALPHABET.length)) text += ALPHABET[byte % ALPHABET.length];
    }
    groups.push(text);
  }
  return groups.join('-');
}
