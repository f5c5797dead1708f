import type { ApiClient as ApiClientRow } from '@hub/prisma';
import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { viewerUserId } from '../scopes.ts';
import { ApiClient } from './api-client.ts';

export const ApiClientSecretPayload = builder
  .objectRef<{ apiClient: ApiClientRow; clientSecret: string }>('ApiClientSecretPayload')
  .implement({
    authScopes: { can: 'apiClients:manage' },
    fields: (t) => ({
      apiClient: t.field({ type: ApiClient, resolve: (payload) => payload.apiClient }),
      clientSecret: t.exposeString('clientSecret', {
        description: 'The client secret (client_secret). It is shown only this once; the hub keeps its argon2id hash.',
      }),
    }),
  });

const CreateApiClientInput = builder.inputType('CreateApiClientInput', {
  fields: (t) => ({
    departmentId: t.id({ required: true, description: 'The partner department the client calls for.' }),
    name: t.string({ required: true, description: 'What the client is, e.g. "住建局保障房审核系统".' }),
  }),
});

builder.mutationField('createApiClient', (t) =>
  t.field({
    type: ApiClientSecretPayload,
    authScopes: { can: 'apiClients:manage' },
    args: { input: t.arg({ type: CreateApiClientInput, required: true }) },
    resolve: (_root, { input }, context) =>
      context.services.apiClients.createApiClient(
        { departmentId: String(input.departmentId), name: input.name },
        viewerUserId(context),
        changeActorOf(context, 'createApiClient'),
      ),
  }),
);

builder.mutationField('rotateApiClientSecret', (t) =>
  t.field({
    type: ApiClientSecretPayload,
    description: "A new secret, shown once. The old secret stops working and the client's access tokens are revoked.",
    authScopes: { can: 'apiClients:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) =>
      context.services.apiClients.rotateApiClientSecret(
        String(args.id),
        changeActorOf(context, 'rotateApiClientSecret'),
      ),
  }),
);
