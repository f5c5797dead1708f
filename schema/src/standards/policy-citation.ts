import type { Citation, PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import { builder } from '../builder.ts';
import { PolicyRuleEnum } from './policy-enums.ts';

export const PolicyCitation = builder.objectRef<Citation & { rule: PolicyRuleCode }>('PolicyCitation').implement({
  description: 'Where a rule’s figures come from: a policy document and its paragraph.',
  fields: (t) => ({
    rule: t.field({ type: PolicyRuleEnum, resolve: (citation) => citation.rule }),
    document: t.exposeString('document'),
    paragraph: t.exposeString('paragraph'),
  }),
});

export const PolicyCitationInput = builder.inputType('PolicyCitationInput', {
  fields: (t) => ({
    rule: t.field({ type: PolicyRuleEnum, required: true }),
    document: t.string({ required: true, description: 'The document, e.g. its file name; 1–200 characters.' }),
    paragraph: t.string({ required: true, description: 'Its article or paragraph, e.g. 二(四); 1–200 characters.' }),
  }),
});
