import { builder } from '../builder.ts';
import { PolicyRuleEnum } from '../standards/policy-enums.ts';
import { describeAppliedRule, type StoredAppliedRule } from './describe-applied-rule.ts';

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
      description: 'The comparison in words, e.g. "per-capita income ¥355.00 + 1/3 fen (¥1065.01 ÷ 3) ≥ line ¥355.00".',
      resolve: (applied) => describeAppliedRule(applied),
    }),
    figures: t.string({
      description: 'The figures compared, as JSON.',
      resolve: (applied) => JSON.stringify(applied.figures),
    }),
  }),
});
