import { builder } from '../builder.ts';
import type { DiscrepancyCaseFigures } from '../context.ts';
import { CASE_WORKERS } from './discrepancy-case.ts';

const FiguresBy = builder.enumType('DiscrepancyCaseFiguresBy', { values: ['OFFICE', 'FLAG'] as const });

const Figures = builder.objectRef<DiscrepancyCaseFigures>('DiscrepancyCaseFigures').implement({
  description: 'The dashboard’s figures for one office or one flag (a case counts under each of its flags).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The office’s region code, or the flag.' }),
    open: t.exposeInt('open', { description: 'Not closed.' }),
    overdue: t.exposeInt('overdue', { description: 'Waiting for a decision past the due date.' }),
    resolved: t.exposeInt('resolved', { description: 'Decided at least once.' }),
    resolvedInTime: t.exposeInt('resolvedInTime', { description: 'First decided by the due date.' }),
    resolvedInTimeRate: t.float({
      nullable: true,
      description: 'resolvedInTime ÷ resolved; null when none is resolved.',
      resolve: (row) => (row.resolved ? row.resolvedInTime / row.resolved : null),
    }),
  }),
});

builder.queryField('discrepancyCaseFigures', (t) =>
  t.field({
    type: [Figures],
    description: 'Open, overdue and resolved-in-time figures over the cases within your reach.',
    authScopes: CASE_WORKERS,
    args: { by: t.arg({ type: FiguresBy, required: true }) },
    resolve: async (_root, args, context) =>
      context.services.discrepancyCases.figures(await context.access.discrepancyCaseOffices(), args.by),
  }),
);
