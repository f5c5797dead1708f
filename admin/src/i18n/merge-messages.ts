type Messages = { [key: string]: string | Messages };

/** Message sets merged key by key: a later set's strings replace an earlier set's, nested objects merge. */
export function mergeMessages(...sets: object[]): Messages {
  const merged: Messages = {};
  for (const set of sets as Messages[]) {
    for (const [key, value] of Object.entries(set)) {
      const existing = merged[key];
      merged[key] =
        typeof value === 'object' && typeof existing === 'object'
          ? mergeMessages(existing, value)
          : (value as string | Messages);
    }
  }
  return merged;
}
