import type { KeyObject } from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AuditCheckpointer } from '../audit/create-audit-checkpointer.ts';

const MAX_LIMIT = 1_000;

function sameToken(sent: string, expected: string): boolean {
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /audit/checkpoints?limit=N: the latest signed chain heads and the public key, for an external witness that
 * sends `Authorization: Bearer $HUB_AUDIT_WITNESS_TOKEN`. Without a configured token the route does not exist.
 */
export async function auditCheckpointsRoute(
  app: FastifyInstance,
  options: { checkpointer: AuditCheckpointer; publicKey: KeyObject; token: string | undefined },
): Promise<void> {
  const { checkpointer, publicKey, token } = options;
  if (!token) return;
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  app.get<{ Querystring: { limit?: string } }>('/audit/checkpoints', async (request, reply) => {
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!sent || !sameToken(sent, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: { code: 'UNAUTHENTICATED', message: 'send the witness token as a bearer token' } });
    }
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return reply
        .code(400)
        .send({ error: { code: 'BAD_USER_INPUT', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` } });
    }
    return { publicKey: publicKeyPem, checkpoints: checkpointer.latest(limit) };
  });
}
