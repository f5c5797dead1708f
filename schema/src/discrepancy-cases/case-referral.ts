import type { CaseReferralStatus, ReferralNeed } from '@hub/prisma';
import { CASE_REFERRAL_BASIS, REFERRAL_NEEDS } from '@hub/prisma/policy/case-referral';
import { builder } from '../builder.ts';
import type { DepartmentReferral as Referral } from '../context.ts';
import { disclosedType, householdSubject, metadata } from '../disclosure/annotations.ts';
import { badUserInputError } from '../errors.ts';
import { personalData } from '../scopes.ts';
import { CASE_WORKERS } from './discrepancy-case.ts';

const basis = CASE_REFERRAL_BASIS.map((citation) => `${citation.document} ${citation.paragraph}`).join('; ');

export const ReferralNeedEnum = builder.enumType('ReferralNeed', {
  description: `The help a referred household needs from another department (转介; ${basis}).`,
  values: Object.fromEntries(
    Object.entries(REFERRAL_NEEDS).map(([need, { zh, en }]) => [need, { description: `${en} (${zh})` }]),
  ) as Record<ReferralNeed, { description: string }>,
});

export const CaseReferralStatusEnum = builder.enumType('CaseReferralStatus', {
  description: 'REFERRED → ACCEPTED → DONE, or DECLINED; the department answers DONE or DECLINED straight away too.',
  values: {
    REFERRED: { description: 'Sent to the department; not answered yet.' },
    ACCEPTED: { description: 'The department took the household on.' },
    DECLINED: { description: 'The department will not help, and said why.' },
    DONE: { description: 'The department gave the help, and said what it did.' },
  } satisfies Record<CaseReferralStatus, { description: string }>,
});

builder.prismaObject('CaseReferral', {
  description: 'A referral (转介) of the case’s household to another department, and the department’s answer.',
  authScopes: CASE_WORKERS,
  fields: (t) => ({
    id: t.exposeID('id'),
    departmentId: t.exposeID('departmentId'),
    departmentName: t.string({
      select: { department: { select: { name: true } } },
      resolve: (referral) => referral.department.name,
    }),
    needs: t.expose('needs', { type: [ReferralNeedEnum] }),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: CaseReferralStatusEnum }),
    referredById: t.exposeID('referredById'),
    referredAt: t.expose('referredAt', { type: 'DateTime' }),
    answer: t.exposeString('answer', { nullable: true, description: 'What the department did, in its words.' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
  }),
});

const DepartmentReferral = builder.objectRef<Referral>('DepartmentReferral').implement({
  description:
    'A referral as the department it was made to sees it: the minimum it needs to help (the head’s masked name, ' +
    'the region, the needs and why), under its CASE_REFERRAL agreement; each answer is audited.',
  authScopes: personalData,
  extensions: disclosedType<Referral>({
    item: 'CASE_REFERRAL',
    subject: (referral) => householdSubject(referral.householdId),
    provider: () => null,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    referredAt: t.expose('referredAt', { type: 'DateTime', extensions: metadata }),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    headName: t.exposeString('headName', { nullable: true, description: 'Always masked (张*).' }),
    needs: t.expose('needs', { type: [ReferralNeedEnum] }),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: CaseReferralStatusEnum, extensions: metadata }),
    answer: t.exposeString('answer', { nullable: true, extensions: metadata }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, extensions: metadata }),
  }),
});

builder.queryField('caseReferrals', (t) =>
  t.field({
    type: [DepartmentReferral],
    description:
      'The referrals made to your department, newest first: for an API client declaring CASE_REFERRAL under an ' +
      'active agreement for it (FORBIDDEN NO_AGREEMENT otherwise, and nothing is disclosed).',
    authScopes: personalData,
    args: { status: t.arg({ type: CaseReferralStatusEnum }) },
    resolve: async (_root, args, context) => {
      const recipient = await context.access.caseReferralRecipient();
      return context.services.discrepancyCases.referralsTo(recipient.departmentId, args.status ?? null);
    },
  }),
);

const AnswerCaseReferralInput = builder.inputType('AnswerCaseReferralInput', {
  fields: (t) => ({
    status: t.field({ type: CaseReferralStatusEnum, required: true, description: 'ACCEPTED, DECLINED or DONE.' }),
    text: t.string({ required: true, description: 'What your department did, or why it declines.' }),
  }),
});

builder.mutationField('answerCaseReferral', (t) =>
  t.field({
    type: DepartmentReferral,
    description:
      'Your department’s answer to a referral made to it, recorded on the case; another department’s referral ' +
      'is NOT_FOUND, as one that does not exist.',
    authScopes: personalData,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AnswerCaseReferralInput, required: true }) },
    resolve: async (_root, args, context) => {
      const recipient = await context.access.caseReferralRecipient();
      const { status, text } = args.input;
      if (status === 'REFERRED' || context.viewer?.kind !== 'API_CLIENT') {
        throw badUserInputError('INVALID_INPUT', 'answer ACCEPTED, DECLINED or DONE', { field: 'status' });
      }
      const change = {
        kind: 'API_CLIENT' as const,
        userId: null,
        apiClientId: context.viewer.apiClientId,
        name: context.viewer.clientId,
        departmentId: recipient.departmentId,
        requestId: context.requestId,
        clientAddress: context.clientAddress,
        operation: 'answerCaseReferral',
      };
      return context.services.discrepancyCases.answerReferral(
        String(args.id),
        { status, text },
        { departmentId: recipient.departmentId, change },
      );
    },
  }),
);
