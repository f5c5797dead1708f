import { builder } from '../builder.ts';
import type { ComparisonRunSummary as Summary } from '../context.ts';

type ClassCount = Summary['classifications'][number];
type FlagCount = Summary['flags'][number];

const ClassificationCount = builder.objectRef<ClassCount>('ClassificationCount').implement({
  fields: (t) => ({
    classification: t.string({
      nullable: true,
      description: 'Null: no member counts.',
      resolve: (count) => count.classification,
    }),
    households: t.exposeInt('households'),
  }),
});

export const FlagCount = builder.objectRef<FlagCount>('FlagCount').implement({
  fields: (t) => ({
    flag: t.exposeString('flag'),
    households: t.exposeInt('households'),
  }),
});

export const ComparisonRunSummary = builder.objectRef<Summary>('ComparisonRunSummary').implement({
  fields: (t) => ({
    classifications: t.field({ type: [ClassificationCount], resolve: (summary) => summary.classifications }),
    flags: t.field({ type: [FlagCount], resolve: (summary) => summary.flags }),
  }),
});
