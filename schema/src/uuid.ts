const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id argument can name a row at all: any other string names nothing, like an id that does not exist. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}
