import { builder } from '../builder.ts';
import { AssessmentFlagCodeEnum } from '../comparisons/comparison-enums.ts';
import { CASE_WORKERS } from './discrepancy-case.ts';
import { DiscrepancyCaseEventTypeEnum } from './discrepancy-case-enums.ts';

builder.prismaObject('DiscrepancyCaseEvent', {
  description: 'A step of a case, recorded in the step’s own transaction: who (a user, or "hub"), when, and what.',
  authScopes: CASE_WORKERS,
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: DiscrepancyCaseEventTypeEnum }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actorUserId: t.exposeID('actorUserId', { nullable: true }),
    actorName: t.exposeString('actorName'),
    runId: t.exposeID('runId', { nullable: true }),
    details: t.string({
      description: 'The step’s details as JSON, one shape per type (docs/discrepancy-cases.md).',
      select: { details: true },
      resolve: (event) => JSON.stringify(event.details),
    }),
  }),
});

builder.prismaObject('DiscrepancyCaseAttachment', {
  description: 'A file kept with a case (a visit’s photo, the household’s evidence), with its SHA-256.',
  authScopes: CASE_WORKERS,
  fields: (t) => ({
    id: t.exposeID('id'),
    fileName: t.exposeString('fileName'),
    mediaType: t.exposeString('mediaType'),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256'),
    addedById: t.exposeID('addedById'),
    addedAt: t.expose('addedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('DiscrepancyCaseFinding', {
  description: 'One run’s flags of the case’s household; its evidence is that run’s assessment.',
  authScopes: CASE_WORKERS,
  fields: (t) => ({
    runId: t.exposeID('runId'),
    flags: t.expose('flags', { type: [AssessmentFlagCodeEnum] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    assessment: t.relation('assessment', { description: 'The run’s result for the household, with its evidence.' }),
  }),
});
