import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { isUuid } from '../uuid.ts';

export const ApiClient = builder.prismaObject('ApiClient', {
  description:
    "A partner department's system that calls the hub with access tokens exchanged for its secret. The secret is " +
    'never shown again after it is issued.',
  authScopes: { can: 'apiClients:manage' },
  fields: (t) => ({
    id: t.exposeID('id'),
    clientId: t.exposeString('clientId', {
      description: 'The public client id (client_id), e.g. hc_3f9a1c0b7d2e4a68.',
    }),
    name: t.exposeString('name'),
    department: t.relation('department'),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    secretRotatedAt: t.expose('secretRotatedAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it last exchanged its secret or used a token, to the minute.',
    }),
  }),
});

builder.queryField('apiClients', (t) =>
  t.prismaField({
    type: ['ApiClient'],
    nullable: true,
    description: "A department's API clients, newest first, revoked ones included.",
    authScopes: { can: 'apiClients:manage' },
    args: { departmentId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, { prisma }) => {
      const departmentId = String(args.departmentId);
      return isUuid(departmentId)
        ? prisma.apiClient.findMany({
            ...query,
            where: { departmentId },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          })
        : [];
    },
  }),
);

builder.mutationField('revokeApiClient', (t) =>
  t.prismaField({
    type: 'ApiClient',
    description: 'The client and every access token it holds stop working at once. There is no undoing it.',
    authScopes: { can: 'apiClients:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const actor = changeActorOf(context, 'revokeApiClient');
      const { id } = await context.services.apiClients.revokeApiClient(String(args.id), actor);
      return context.prisma.apiClient.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
