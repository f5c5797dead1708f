import { readPurpose, readSession } from '../hub-session.ts';

export interface HubFileAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each route's answer is its caller's to read
  body: any;
}

/**
 * Sends a file's bytes to a hub route with the session's token, reporting how much is sent (fetch cannot): the
 * answer's status and JSON body, whatever the status.
 */
export function sendFileWithProgress(
  method: 'PUT' | 'POST',
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<HubFileAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, path);
    const session = readSession();
    if (session) request.setRequestHeader('authorization', `Bearer ${session.token}`);
    request.setRequestHeader('x-hub-purpose', readPurpose());
    request.setRequestHeader('content-type', contentType);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = { error: { code: String(request.status), message: request.statusText } };
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error('the hub could not be reached'));
    request.send(file);
  });
}
