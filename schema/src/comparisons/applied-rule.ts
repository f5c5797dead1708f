import { builder } from '../builder.ts';
import { PolicyRuleEnum } from '../standards/policy-enums.ts';
import { type StoredAppliedRule, sayAppliedRule } from './say-applied-rule.ts';

export const AppliedRule = builder.objectRef<StoredAppliedRule>('AppliedRule').implement({
  description:
    'A rule a decision applied: its citation, whether its condition held, and the figures it compared, exactly.',
  fields: (t) => ({
    rule: t.field({ type: PolicyRuleEnum, resolve: (applied) => applied.rule }),
    document: t.string({ nullable: true, resolve: (applied) => applied.citation?.document ?? null }),
    paragraph: t.string({ nullable: true, resolve: (applied) => applied.citation?.paragraph ?? null }),
    holds: t.boolean({
      nullable: true,
      description: 'Whether the rule’s condition (see the PolicyRule value) held; null where a figure was missing.',
      resolve: (applied) => applied.holds,
    }),
    compared: t.string({
      description:
        'The comparison in English words, e.g. "per-capita income ¥355.00 + 1/3 fen (¥1,065.01 ÷ 3) > the 低保 line ¥355.00, read as “below”".',
      resolve: (applied) => sayAppliedRule(applied, 'en'),
    }),
    figures: t.string({
      description: 'The figures compared, as JSON.',
      resolve: (applied) => JSON.stringify(applied.figures),
    }),
  }),
});
