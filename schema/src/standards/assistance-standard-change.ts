import { builder } from '../builder.ts';

const read = { can: 'standards:read' } as const;

export const AssistanceStandardChange = builder.prismaObject('AssistanceStandardChange', {
  description: 'An administrator’s change to a policy version: the figures it changed, before and after.',
  authScopes: read,
  fields: (t) => ({
    id: t.exposeID('id'),
    changedBy: t.relation('changedBy', { nullable: true }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    oldValues: t.string({
      nullable: true,
      description: 'The changed figures before, as JSON; null when the change created the version.',
      resolve: (change) => (change.oldValues === null ? null : JSON.stringify(change.oldValues)),
    }),
    newValues: t.string({
      description: 'The changed figures after, as JSON.',
      resolve: (change) => JSON.stringify(change.newValues),
    }),
  }),
});
