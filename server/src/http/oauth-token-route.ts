import type { PrismaClient } from '@hub/prisma';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { issueAccessToken } from '../identity/issue-access-token.ts';
import { resolveViewer } from '../identity/resolve-viewer.ts';
import { noteForAudit } from './audited-requests.ts';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

const DESCRIPTIONS: Record<OAuthError, string> = {
  invalid_request: 'send grant_type=client_credentials with client_id and client_secret',
  invalid_client: 'invalid client credentials',
  unsupported_grant_type: 'only grant_type=client_credentials is supported',
};

/** Client credentials from the body, or from HTTP Basic as RFC 6749 §2.3.1 prefers; undefined when neither is whole. */
function credentialsOf(body: Record<string, unknown>, authorization: string | undefined) {
  const basic = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i)?.[1];
  if (basic) {
    const pair = Buffer.from(basic, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    if (colon < 1 || colon === pair.length - 1) return undefined;
    try {
      return {
        clientId: decodeURIComponent(pair.slice(0, colon)),
        clientSecret: decodeURIComponent(pair.slice(colon + 1)),
      };
    } catch {
      return undefined;
    }
  }
  const { client_id: clientId, client_secret: clientSecret } = body;
  return typeof clientId === 'string' && clientId && typeof clientSecret === 'string' && clientSecret
    ? { clientId, clientSecret }
    : undefined;
}

// A client id as the audit trail may quote it; anything else the caller sent is not repeated there.
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const quotable = (clientId: string) => (CLIENT_ID.test(clientId) ? clientId : '(malformed)');

function refuse(reply: FastifyReply, error: OAuthError, clientId?: string) {
  noteForAudit(reply.request, { detail: clientId === undefined ? error : `client ${quotable(clientId)}: ${error}` });
  return reply.code(error === 'invalid_client' ? 401 : 400).send({ error, error_description: DESCRIPTIONS[error] });
}

/**
 * POST /oauth/token: the OAuth 2 client-credentials grant, form-encoded or JSON; the same exchange as
 * issueAccessToken. Every call is audited (audit-remaining-requests.ts), issued or refused, with the client id it
 * named and never the secret.
 */
export async function oauthTokenRoute(app: FastifyInstance, options: { prisma: PrismaClient }): Promise<void> {
  // Form bodies are parsed in this route's scope only: /graphql keeps accepting JSON alone.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.post('/oauth/token', async (request, reply) => {
    // Tokens must never be cached by a proxy (RFC 6749 §5.1).
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    if (typeof body.grant_type !== 'string' || !body.grant_type) return refuse(reply, 'invalid_request');
    if (body.grant_type !== 'client_credentials') return refuse(reply, 'unsupported_grant_type');
    const credentials = credentialsOf(body, request.headers.authorization);
    if (!credentials) return refuse(reply, 'invalid_request');
    const issued = await issueAccessToken(options.prisma, credentials);
    if (!issued) return refuse(reply, 'invalid_client', credentials.clientId);
    // The entry names the client the token was issued to (the secret is never recorded).
    const viewer = await resolveViewer(options.prisma, `Bearer ${issued.accessToken}`);
    noteForAudit(request, { viewer, detail: `client ${quotable(credentials.clientId)}: issued` });
    return { access_token: issued.accessToken, token_type: issued.tokenType, expires_in: issued.expiresInSeconds };
  });
}
