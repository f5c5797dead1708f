import { builder } from '../builder.ts';
import type { Context, RequestSubmitterViewer } from '../context.ts';
import { badUserInputError, forbiddenError } from '../errors.ts';
import { AssistanceKindEnum } from '../households/assistance-case.ts';
import { AreaTypeEnum } from '../households/household.ts';
import { RelationEnum } from '../persons/person.ts';
import { personalData, viewerHolds, viewerUserId } from '../scopes.ts';
import { TemporaryAssistanceTypeEnum } from './temporary-assistance-type.ts';
import { DeclaredItemCategoryEnum, mayReadRequest } from './verification-request.ts';

const DeclaredHouseholdInput = builder.inputType('DeclaredHouseholdInput', {
  fields: (t) => ({
    regionCode: t.string({ required: true }),
    areaType: t.field({ type: AreaTypeEnum, required: true }),
    address: t.string({ required: true }),
    registerNumber: t.string({ description: '户编号, when the register has the household.' }),
  }),
});

const DeclaredMemberInput = builder.inputType('DeclaredMemberInput', {
  fields: (t) => ({
    idNumber: t.string({ required: true }),
    name: t.string({ required: true }),
    relation: t.field({ type: RelationEnum, required: true }),
    isSeverelyDisabled: t.boolean({ description: 'Facts that matter for 单人户.' }),
    isCriticallyIll: t.boolean(),
  }),
});

const DeclaredItemInput = builder.inputType('DeclaredItemInput', {
  fields: (t) => ({
    category: t.field({ type: DeclaredItemCategoryEnum, required: true }),
    memberIdNumber: t.string({ description: 'Required but for RIGID_EXPENDITURE.' }),
    source: t.string({
      required: true,
      description:
        'INCOME: WAGE, PENSION, UNEMPLOYMENT_BENEFIT, BUSINESS, AGRICULTURE, OTHER; RIGID_EXPENDITURE: MEDICAL, ' +
        'EDUCATION; else a description (bank, plate, certificate).',
    }),
    amountFen: t.field({
      type: 'Fen',
      required: true,
      description:
        'Per month for INCOME and RIGID_EXPENDITURE; the value for DEPOSIT and VEHICLE; 1 for PROPERTY, BUSINESS.',
    }),
  }),
});

const AuthorisationInput = builder.inputType('AuthorisationInput', {
  description: 'The signed authorisation (授权书): the scan, and who signed. Every adult member signs.',
  fields: (t) => ({
    fileName: t.string({ required: true }),
    mediaType: t.string({ required: true, description: 'application/pdf, image/jpeg, image/png or image/tiff.' }),
    contentBase64: t.string({ required: true, description: 'The scan, base64; at most 10 MiB.' }),
    signedOn: t.field({ type: 'Date', required: true }),
    signedBy: t.stringList({ required: true, description: 'Identity numbers of the members who signed.' }),
  }),
});

const SubmitVerificationRequestInput = builder.inputType('SubmitVerificationRequestInput', {
  fields: (t) => ({
    reference: t.string({ required: true, description: 'Your office’s number for the request; unique.' }),
    kind: t.field({ type: AssistanceKindEnum, required: true }),
    submittedOn: t.field({ type: 'Date', required: true }),
    household: t.field({ type: DeclaredHouseholdInput, required: true }),
    members: t.field({ type: [DeclaredMemberInput], required: true }),
    items: t.field({ type: [DeclaredItemInput] }),
    singlePersonIdNumber: t.string({
      description:
        '单人户 (yinchuan-2021 二(四)): the member, declared severely disabled or critically ill, whom a ' +
        'MINIMUM_LIVING_GUARANTEE request asks to enrol alone; the comparison then assesses that member alone.',
    }),
    temporaryAssistanceType: t.field({
      type: TemporaryAssistanceTypeEnum,
      description: 'For a TEMPORARY_ASSISTANCE request: which kind it asks for; its assessment names that amount.',
    }),
    authorisation: t.field({ type: AuthorisationInput, required: true }),
  }),
});

const isoDate = (day: Date) => day.toISOString().slice(0, 10);

/** The caller as a submitter; a user needs the role, an API client its department (checked by the service). */
export async function requestSubmitter(context: Context): Promise<RequestSubmitterViewer> {
  const viewer = context.viewer;
  if (!viewer || (viewer.kind === 'USER' && !viewerHolds(viewer, 'comparisons:run'))) throw forbiddenError();
  return {
    departmentId: viewer.departmentId,
    userId: viewer.kind === 'USER' ? viewer.userId : null,
    apiClientId: viewer.kind === 'API_CLIENT' ? viewer.apiClientId : null,
    reach: await context.access.reachableRegions(),
  };
}

builder.mutationField('submitVerificationRequest', (t) =>
  t.prismaField({
    type: 'VerificationRequest',
    description:
      'Submits one verification request. Every problem is reported at once (BAD_USER_INPUT `INVALID_INPUT`, ' +
      '`fields` naming each); nothing of a refused request is saved.',
    authScopes: personalData,
    args: { input: t.arg({ type: SubmitVerificationRequestInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const outcome = await context.services.verificationRequests.submitVerificationRequests(
        [
          {
            ...input,
            submittedOn: isoDate(input.submittedOn),
            items: input.items?.map((item) => ({ ...item, amountFen: item.amountFen.toString() })) ?? [],
            authorisation: { ...input.authorisation, signedOn: isoDate(input.authorisation.signedOn) },
          },
        ],
        await requestSubmitter(context),
      );
      const problems = outcome.rejected[0]?.problems;
      if (problems) {
        const shown = problems.slice(0, 5).map((entry) => `${entry.field}: ${entry.message}`);
        throw badUserInputError('INVALID_INPUT', shown.join('; '), { fields: problems });
      }
      const id = outcome.accepted[0]?.id as string;
      return context.prisma.verificationRequest.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('checkVerificationRequests', (t) =>
  t.prismaField({
    type: 'ComparisonRun',
    description:
      'The centre checks requests in one APPLICATION run (one request: at once for one household), as of asOf ' +
      '(default: the latest submission day). They are CHECKING until the run completes, then REPORTED.',
    authScopes: { can: 'comparisons:run' },
    args: { requestIds: t.arg.idList({ required: true }), asOf: t.arg({ type: 'Date' }) },
    resolve: async (query, _root, args, context) => {
      const ids = args.requestIds.map(String);
      const found = await context.prisma.verificationRequest.findMany({
        where: { id: { in: ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } },
        select: { id: true, departmentId: true, householdId: true },
      });
      const readable = new Set<string>();
      for (const request of found) if (await mayReadRequest(context, request)) readable.add(request.id);
      const unknown = ids.filter((id) => !readable.has(id));
      if (unknown.length) {
        throw badUserInputError('INVALID_INPUT', `requestIds: no request ${unknown.slice(0, 5).join(', ')}`, {
          fields: [{ field: 'requestIds', problem: 'UNKNOWN_REQUEST', message: 'names no request you may check' }],
        });
      }
      const { runId } = await context.services.verificationRequests.checkVerificationRequests(
        { requestIds: ids, asOf: args.asOf ? isoDate(args.asOf) : null },
        viewerUserId(context),
      );
      return context.prisma.comparisonRun.findUniqueOrThrow({ ...query, where: { id: runId } });
    },
  }),
);
