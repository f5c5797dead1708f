import { builder } from '../builder.ts';
import type { IssuedAccessToken } from '../context.ts';
import { invalidClientCredentialsError } from '../errors.ts';

export const AccessTokenPayload = builder.objectRef<IssuedAccessToken>('AccessTokenPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      description: 'The bearer token for the Authorization header, valid for 15 minutes. The hub keeps its hash only.',
    }),
    tokenType: t.exposeString('tokenType'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.mutationField('issueAccessToken', (t) =>
  t.field({
    type: AccessTokenPayload,
    description:
      "An API client's secret exchanged for a 15-minute access token (the same exchange as POST /oauth/token). " +
      'A wrong secret and an unknown or revoked client get the same UNAUTHENTICATED answer.',
    args: { clientId: t.arg.string({ required: true }), clientSecret: t.arg.string({ required: true }) },
    resolve: async (_root, credentials, { services }) => {
      const issued = await services.apiClients.issueAccessToken(credentials);
      if (!issued) throw invalidClientCredentialsError();
      return issued;
    },
  }),
);
