import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// Beyond this many bytes of a refused body the hub stops reading and closes the connection after its answer.
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * A body over the limit gets a 413 its client can read. Fastify refuses on Content-Length before reading (and stops
 * reading a chunked body at the limit), then closes the connection while the client may still be uploading: the
 * client's next write meets a reset that can destroy the answer before it is read (EPIPE, `fetch failed`). Here the
 * connection stays open and the rest of the body is read and thrown away, up to a bound: a declared body after the
 * answer (Node discards an unread body before the connection's next request), a chunked one before answering.
 */
export function drainRefusedBodies(app: FastifyInstance, drainLimitBytes = DRAIN_LIMIT_BYTES): void {
  const refused = new WeakSet<FastifyRequest>();
  app.addHook('onError', async (request, _reply, error) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') refused.add(request);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!refused.has(request)) return payload;
    const declared = Number(request.headers['content-length']);
    const keepOpen = Number.isInteger(declared)
      ? declared <= drainLimitBytes
      : await bodyEndsWithin(request.raw, drainLimitBytes);
    if (keepOpen) reply.removeHeader('connection');
    return payload;
  });
}

/** Reads and discards the rest of a body; true when it ended within `limit` bytes. */
function bodyEndsWithin(body: IncomingMessage, limit: number): Promise<boolean> {
  if (body.complete || body.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let read = 0;
    const finish = (ended: boolean) => {
      body.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onFailure = () => finish(body.complete);
    body.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure);
    body.resume();
  });
}
