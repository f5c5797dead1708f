import { DeclaredItemCategory, VerificationRequestStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { AssessmentFlagCodeEnum, HouseholdClassificationEnum } from '../comparisons/comparison-enums.ts';
import type { Context, DeclaredFoundLine } from '../context.ts';
import { maskedIdNumber } from '../disclosure/masks.ts';
import { AssistanceKindEnum } from '../households/assistance-case.ts';
import { RelationEnum } from '../persons/person.ts';
import { personalData, viewerHolds } from '../scopes.ts';
import { isUuid } from '../uuid.ts';

export const VerificationRequestStatusEnum = builder.enumType(VerificationRequestStatus, {
  name: 'VerificationRequestStatus',
  description: 'SUBMITTED → CHECKING (an APPLICATION run compares it) → REPORTED (the report can be read).',
});
export const DeclaredItemCategoryEnum = builder.enumType(DeclaredItemCategory, { name: 'DeclaredItemCategory' });

builder.prismaObject('VerificationRequestMember', {
  description: 'A member as the request declares them; the identity number masked.',
  fields: (t) => ({
    idNumber: t.string({
      select: { person: { select: { idNumber: true } } },
      resolve: (member) => maskedIdNumber(member.person.idNumber),
    }),
    relation: t.expose('relation', { type: RelationEnum }),
    isSeverelyDisabled: t.exposeBoolean('isSeverelyDisabled'),
    isCriticallyIll: t.exposeBoolean('isCriticallyIll'),
    signedAuthorisation: t.exposeBoolean('signedAuthorisation'),
  }),
});

const DeclaredFoundEvidence = builder
  .objectRef<DeclaredFoundLine['evidence'][number]>('DeclaredFoundEvidence')
  .implement({
    description: 'A department record behind a found amount: who delivered it, in which snapshot.',
    fields: (t) => ({
      departmentId: t.exposeID('departmentId'),
      dataset: t.exposeString('dataset'),
      snapshotId: t.exposeID('snapshotId'),
      recordId: t.exposeID('recordId'),
      amountFen: t.field({ type: 'Fen', resolve: (row) => BigInt(row.amountFen) }),
    }),
  });

const DeclaredFoundLineRef = builder.objectRef<DeclaredFoundLine>('DeclaredFoundLine').implement({
  description:
    'One item compared: declared (申报) against found (核对). PROPERTY and BUSINESS count items (1 each); the ' +
    'other categories are fen per month (INCOME, RIGID_EXPENDITURE) or at value (DEPOSIT, VEHICLE).',
  fields: (t) => ({
    category: t.field({ type: DeclaredItemCategoryEnum, resolve: (line) => line.category as DeclaredItemCategory }),
    memberIdNumber: t.string({ nullable: true, resolve: (line) => line.memberIdNumber }),
    source: t.exposeString('source', { description: 'INCOME and RIGID_EXPENDITURE: the source; else empty.' }),
    declaredFen: t.field({ type: 'Fen', nullable: true, resolve: (line) => line.declaredFen }),
    foundFen: t.field({
      type: 'Fen',
      nullable: true,
      description: 'Null where no department reports such items: the declaration stands alone.',
      resolve: (line) => line.foundFen,
    }),
    differenceFen: t.field({ type: 'Fen', nullable: true, resolve: (line) => line.differenceFen }),
    evidence: t.field({ type: [DeclaredFoundEvidence], resolve: (line) => line.evidence }),
  }),
});

export const VerificationRequest = builder.prismaObject('VerificationRequest', {
  description:
    'A township office’s verification request (核对申请): the applying household as declared, its declared income, ' +
    'assets and rigid expenditures, and the signed authorisation (授权书) kept with its SHA-256.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference'),
    kind: t.expose('kind', { type: AssistanceKindEnum }),
    status: t.expose('status', { type: VerificationRequestStatusEnum }),
    submittedOn: t.expose('submittedOn', { type: 'Date' }),
    householdId: t.exposeID('householdId'),
    authorisationFileName: t.exposeString('authorisationFileName'),
    authorisationSha256: t.exposeString('authorisationSha256'),
    authorisationSignedOn: t.expose('authorisationSignedOn', { type: 'Date' }),
    members: t.relation('members'),
    comparisonRunId: t.exposeID('comparisonRunId', { nullable: true }),
    classification: t.field({
      type: HouseholdClassificationEnum,
      nullable: true,
      description: 'REPORTED: the household’s classification in the run that checked it.',
      select: { householdId: true, comparisonRunId: true, status: true },
      resolve: async (request, _args, context) => (await assessmentOf(context, request))?.classification ?? null,
    }),
    flags: t.field({
      type: [AssessmentFlagCodeEnum],
      nullable: true,
      description: 'REPORTED: the rules the household’s records break, as the run found them.',
      select: { householdId: true, comparisonRunId: true, status: true },
      resolve: async (request, _args, context) => (await assessmentOf(context, request))?.flags ?? null,
    }),
    report: t.field({
      type: [DeclaredFoundLineRef],
      nullable: true,
      description: 'REPORTED: declared against found, item by item, each found amount with its records.',
      select: { status: true },
      resolve: (request, _args, context) =>
        request.status === 'REPORTED'
          ? context.services.verificationRequests.compareDeclaredWithFound(request.id)
          : null,
    }),
  }),
});

async function assessmentOf(
  context: Context,
  request: { householdId: string; comparisonRunId: string | null; status: VerificationRequestStatus },
) {
  if (request.status !== 'REPORTED' || !request.comparisonRunId) return null;
  return context.prisma.householdAssessment.findUnique({
    where: { runId_householdId: { runId: request.comparisonRunId, householdId: request.householdId } },
    select: { classification: true, flags: true },
  });
}

/** The submitting department reads its requests; the centre (comparisons:read) reads those within its reach. */
export async function mayReadRequest(
  context: Context,
  request: { departmentId: string; householdId: string },
): Promise<boolean> {
  if (context.viewer?.departmentId === request.departmentId) return true;
  return viewerHolds(context.viewer, 'comparisons:read') && context.access.reachesHousehold(request.householdId);
}

builder.queryField('verificationRequest', (t) =>
  t.prismaField({
    type: 'VerificationRequest',
    nullable: true,
    authScopes: personalData,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = String(args.id);
      if (!isUuid(id)) return null;
      const found = await context.prisma.verificationRequest.findUnique({
        where: { id },
        select: { departmentId: true, householdId: true },
      });
      if (!found || !(await mayReadRequest(context, found))) return null;
      return context.prisma.verificationRequest.findUnique({ ...query, where: { id } });
    },
  }),
);

builder.queryField('verificationRequests', (t) =>
  t.prismaField({
    type: ['VerificationRequest'],
    description: 'Your department’s requests, latest first (at most 200), optionally of one status.',
    authScopes: personalData,
    args: { status: t.arg({ type: VerificationRequestStatusEnum }) },
    resolve: (query, _root, args, context) =>
      context.prisma.verificationRequest.findMany({
        ...query,
        where: { departmentId: context.viewer?.departmentId ?? '', ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 200,
      }),
  }),
);
