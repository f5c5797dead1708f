import { builder } from '../builder.ts';
import { notFoundError } from '../errors.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';
import { AssistanceKindEnum, CaseStatusEnum } from './assistance-case.ts';

const RecordAssistanceCaseInput = builder.inputType('RecordAssistanceCaseInput', {
  fields: (t) => ({
    householdId: t.id({ required: true }),
    caseNumber: t.string({ description: 'The case’s number in the civil-affairs business system; unique.' }),
    kind: t.field({ type: AssistanceKindEnum, required: true }),
    status: t.field({ type: CaseStatusEnum, required: true }),
    startedOn: t.field({ type: 'Date', required: true }),
    endedOn: t.field({ type: 'Date' }),
    monthlyAmountFen: t.int({ required: true, description: 'Whole fen, not negative.' }),
    singlePersonIdNumber: t.string({ description: '单人户: the member enrolled alone.' }),
    gracePeriodStartedOn: t.field({
      type: 'Date',
      description: '渐退期: required for GRACE_PERIOD; its end follows from the region’s standard.',
    }),
  }),
});

const UpdateAssistanceCaseInput = builder.inputType('UpdateAssistanceCaseInput', {
  description: 'An omitted field stays as it is.',
  fields: (t) => ({
    status: t.field({ type: CaseStatusEnum }),
    endedOn: t.field({ type: 'Date' }),
    monthlyAmountFen: t.int(),
    gracePeriodStartedOn: t.field({ type: 'Date' }),
  }),
});

builder.mutationField('recordAssistanceCase', (t) =>
  t.prismaField({
    type: 'AssistanceCase',
    description: 'Enrols a household in one kind of assistance (低保, 低收入, 特困, 临时救助).',
    authScopes: { can: 'register:edit' },
    args: { input: t.arg({ type: RecordAssistanceCaseInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const householdId = String(input.householdId);
      await context.access.requireReach('ASSISTANCE_STATUS');
      if (!isUuid(householdId) || !(await context.access.reachesHousehold(householdId))) {
        throw notFoundError(`no household has the id ${householdId}`);
      }
      const { id } = await context.services.register.recordAssistanceCase(
        {
          ...input,
          householdId,
          caseNumber: input.caseNumber ?? null,
          endedOn: input.endedOn ?? null,
          singlePersonIdNumber: input.singlePersonIdNumber ?? null,
          gracePeriodStartedOn: input.gracePeriodStartedOn ?? null,
        },
        viewerUserId(context),
      );
      return context.prisma.assistanceCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('updateAssistanceCase', (t) =>
  t.prismaField({
    type: 'AssistanceCase',
    description: 'Changes a case’s status, end, amount or grace period; a TERMINATED case changes no more.',
    authScopes: { can: 'register:edit' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAssistanceCaseInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = String(args.id);
      await context.access.requireReach('ASSISTANCE_STATUS');
      const found = isUuid(id)
        ? await context.prisma.assistanceCase.findUnique({ where: { id }, select: { householdId: true } })
        : null;
      if (!found || !(await context.access.reachesHousehold(found.householdId))) {
        throw notFoundError(`no assistance case has the id ${id}`);
      }
      await context.services.register.updateAssistanceCase(id, args.input, viewerUserId(context));
      return context.prisma.assistanceCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
