import { hubFetch } from '../hub-session.ts';

/** Fetches a hub route with the bearer token and saves its answer as a file (a plain link cannot carry the header). */
export async function downloadFromHub(path: string, fileName: string): Promise<void> {
  const response = await hubFetch(path);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A hub page (the printable report) as text, fetched with the bearer token. */
export async function fetchHubPage(path: string, jsonBody?: unknown): Promise<string> {
  const response = await hubFetch(
    path,
    jsonBody === undefined
      ? { headers: { accept: 'text/html' } }
      : {
          method: 'POST',
          headers: { accept: 'text/html', 'content-type': 'application/json' },
          body: JSON.stringify(jsonBody),
        },
  );
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  }
  return response.text();
}
