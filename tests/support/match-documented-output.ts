/**
 * Compares what an example answered with what its docs show. `…` stands for anything: a whole JSON value, the
 * rest of an array (as its last element), the other keys of an object (as a key of its own), or any run of
 * characters inside a string or a line of text. JSON is compared as JSON, so the docs may pretty-print what
 * curl prints on one line. Returns null when they agree, else where they differ.
 */
export function findOutputMismatch(expected: string, actual: string): string | null {
  const expectedJson = parseDocumentedJson(expected);
  if (expectedJson !== undefined) {
    let actualJson: unknown;
    try {
      actualJson = JSON.parse(actual);
    } catch {
      return `expected JSON, got:\n${actual}`;
    }
    return findValueMismatch(expectedJson.value, actualJson, '$');
  }
  const pattern = new RegExp(`^${normaliseText(expected).split('…').map(escapeRegExp).join('[\\s\\S]*?')}$`);
  return pattern.test(normaliseText(actual)) ? null : `expected:\n${expected}\ngot:\n${actual}`;
}

const ANYTHING = '…';

function parseDocumentedJson(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  const quoted = trimmed
    .replace(/([{,]\s*)…(?=\s*})/g, `$1"${ANYTHING}": "${ANYTHING}"`)
    .replace(/([:[,]\s*)…(?=\s*[,\]}])/g, `$1"${ANYTHING}"`);
  try {
    return { value: JSON.parse(quoted) };
  } catch {
    return undefined;
  }
}

function findValueMismatch(expected: unknown, actual: unknown, path: string): string | null {
  if (expected === ANYTHING) return null;
  if (typeof expected === 'string' && expected.includes(ANYTHING)) {
    const pattern = new RegExp(`^${expected.split(ANYTHING).map(escapeRegExp).join('[\\s\\S]*?')}$`);
    return typeof actual === 'string' && pattern.test(actual) ? null : mismatch(path, expected, actual);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return mismatch(path, expected, actual);
    const open = expected.at(-1) === ANYTHING;
    const items = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < items.length : actual.length !== items.length) {
      return `${path}: expected ${open ? 'at least ' : ''}${items.length} items, got ${actual.length}: ${JSON.stringify(actual)}`;
    }
    for (const [index, item] of items.entries()) {
      const found = findValueMismatch(item, actual[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return mismatch(path, expected, actual);
    const entries = Object.entries(expected).filter(([key]) => key !== ANYTHING);
    if (!(ANYTHING in expected)) {
      const extra = Object.keys(actual).filter((key) => !(key in expected));
      if (extra.length) return `${path}: unexpected keys ${extra.join(', ')} in ${JSON.stringify(actual)}`;
    }
    for (const [key, value] of entries) {
      if (!(key in actual)) return `${path}: missing key ${key} in ${JSON.stringify(actual)}`;
      const found = findValueMismatch(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return expected === actual ? null : mismatch(path, expected, actual);
}

function mismatch(path: string, expected: unknown, actual: unknown): string {
  return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function normaliseText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
