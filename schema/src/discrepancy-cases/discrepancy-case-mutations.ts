import type { InputFieldMap } from '@pothos/core';
import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import type { Context, DiscrepancyCaseActor, DiscrepancyCaseDecision } from '../context.ts';
import { badUserInputError } from '../errors.ts';
import { unauthorizedError } from '../scopes.ts';
import { ReferralNeedEnum } from './case-referral.ts';
import { CASE_WORKERS } from './discrepancy-case.ts';
import {
  DiscrepancyCaseActionEnum,
  DiscrepancyCaseOutcomeEnum,
  DiscrepancyDismissalReasonEnum,
} from './discrepancy-case-enums.ts';

const DecideDiscrepancyCaseInput = builder.inputType('DecideDiscrepancyCaseInput', {
  description: 'CONFIRMED with an action, or DISMISSED with a reason (OTHER with a note).',
  fields: (t) => ({
    outcome: t.field({ type: DiscrepancyCaseOutcomeEnum, required: true }),
    action: t.field({ type: DiscrepancyCaseActionEnum }),
    dismissalReason: t.field({ type: DiscrepancyDismissalReasonEnum }),
    note: t.string(),
  }),
});

const AttachDiscrepancyCaseFileInput = builder.inputType('AttachDiscrepancyCaseFileInput', {
  fields: (t) => ({
    fileName: t.string({ required: true }),
    mediaType: t.string({ required: true }),
    contentBase64: t.string({
      required: true,
      description: 'The file, base64; at most HUB_CASE_ATTACHMENT_MAX_BYTES.',
    }),
  }),
});

const ReferDiscrepancyCaseInput = builder.inputType('ReferDiscrepancyCaseInput', {
  fields: (t) => ({
    departmentId: t.id({ required: true, description: 'The department that gives the help (not civil affairs).' }),
    needs: t.field({ type: [ReferralNeedEnum], required: true }),
    reason: t.string({
      required: true,
      description: 'Why the household is referred: what the department should know.',
    }),
  }),
});

async function actorOf(context: Context, operation: string): Promise<DiscrepancyCaseActor> {
  if (context.viewer?.kind !== 'USER') throw unauthorizedError(context);
  return {
    userId: context.viewer.userId,
    username: context.viewer.username,
    offices: await context.access.discrepancyCaseOffices(),
    change: changeActorOf(context, operation),
  };
}

function decisionOf(input: typeof DecideDiscrepancyCaseInput.$inferInput): DiscrepancyCaseDecision {
  const note = input.note ?? null;
  if (input.outcome === 'CONFIRMED' && input.action && !input.dismissalReason) {
    return { outcome: 'CONFIRMED', action: input.action, note };
  }
  if (input.outcome === 'DISMISSED' && input.dismissalReason && !input.action) {
    return { outcome: 'DISMISSED', dismissalReason: input.dismissalReason, note };
  }
  throw badUserInputError('INVALID_INPUT', 'a confirmation names an action, a dismissal a reason, and not the other', {
    field: input.outcome === 'CONFIRMED' ? 'action' : 'dismissalReason',
  });
}

/** A step on one case: the service checks, applies and records it; the answer is the case as it now stands. */
function caseStep<Args extends InputFieldMap>(
  name: string,
  description: string,
  args: (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => Args,
  run: (context: Context, id: string, args: never, actor: DiscrepancyCaseActor) => Promise<{ id: string }>,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'DiscrepancyCase',
      description,
      authScopes: CASE_WORKERS,
      args: { id: t.arg.id({ required: true }), ...args(t) },
      resolve: async (query, _root, input, context) => {
        const actor = await actorOf(context, name);
        const { id } = await run(context, String((input as { id: string }).id), input as never, actor);
        return context.prisma.discrepancyCase.findUniqueOrThrow({ ...query, where: { id } });
      },
    }),
  );
}

caseStep(
  'assignDiscrepancyCase',
  'Hands the case to an officer of its office (ASSIGNEE_OUTSIDE_OFFICE otherwise).',
  (t) => ({ assigneeId: t.arg.id({ required: true }) }),
  (context, id, args: { assigneeId: string | number }, actor) =>
    context.services.discrepancyCases.assign(id, String(args.assigneeId), actor),
);

caseStep(
  'recordDiscrepancyCaseVisit',
  '入户核查: the notes of a home visit; an OPEN case becomes IN_PROGRESS.',
  (t) => ({ visitedOn: t.arg({ type: 'Date', required: true }), notes: t.arg.string({ required: true }) }),
  (context, id, args: { visitedOn: Date; notes: string }, actor) =>
    context.services.discrepancyCases.recordVisit(id, args, actor),
);

caseStep(
  'recordDiscrepancyCaseExplanation',
  'The household’s explanation of the finding; an OPEN case becomes IN_PROGRESS.',
  (t) => ({ explanation: t.arg.string({ required: true }) }),
  (context, id, args: { explanation: string }, actor) =>
    context.services.discrepancyCases.recordExplanation(id, args.explanation, actor),
);

caseStep(
  'attachDiscrepancyCaseFile',
  'Keeps a small file with the case, with its SHA-256; an OPEN case becomes IN_PROGRESS.',
  (t) => ({ input: t.arg({ type: AttachDiscrepancyCaseFileInput, required: true }) }),
  (context, id, args: { input: typeof AttachDiscrepancyCaseFileInput.$inferInput }, actor) =>
    context.services.discrepancyCases.attach(id, args.input, actor),
);

caseStep(
  'decideDiscrepancyCase',
  'Decides a case IN_PROGRESS; the household may then ask for a 复查 within the appeal window.',
  (t) => ({ input: t.arg({ type: DecideDiscrepancyCaseInput, required: true }) }),
  (context, id, args: { input: typeof DecideDiscrepancyCaseInput.$inferInput }, actor) =>
    context.services.discrepancyCases.decide(id, decisionOf(args.input), actor),
);

caseStep(
  'appealDiscrepancyCase',
  '复查: the household asks, with new evidence, within the window (APPEAL_WINDOW_CLOSED after it), once.',
  (t) => ({ evidence: t.arg.string({ required: true }) }),
  (context, id, args: { evidence: string }, actor) =>
    context.services.discrepancyCases.appeal(id, args.evidence, actor),
);

caseStep(
  'decideDiscrepancyCaseAppeal',
  'Decides a 复查: by an officer other than the first decision’s (SAME_OFFICER_APPEAL for that one).',
  (t) => ({ input: t.arg({ type: DecideDiscrepancyCaseInput, required: true }) }),
  (context, id, args: { input: typeof DecideDiscrepancyCaseInput.$inferInput }, actor) =>
    context.services.discrepancyCases.decideAppeal(id, decisionOf(args.input), actor),
);

caseStep(
  'referDiscrepancyCase',
  '转介: refers the household to a department for the help it needs (DEPARTMENT_CANNOT_HELP, ALREADY_REFERRED); any ' +
    'case not CLOSED, its status unchanged. The department reads it under its CASE_REFERRAL agreement.',
  (t) => ({ input: t.arg({ type: ReferDiscrepancyCaseInput, required: true }) }),
  (context, id, args: { input: typeof ReferDiscrepancyCaseInput.$inferInput }, actor) =>
    context.services.discrepancyCases.refer(
      id,
      { ...args.input, departmentId: String(args.input.departmentId) },
      actor,
    ),
);

caseStep(
  'closeDiscrepancyCase',
  'Closes a DECIDED case once its 复查 is decided or its window has passed (APPEAL_WINDOW_OPEN before).',
  () => ({}),
  (context, id, _args: Record<string, never>, actor) => context.services.discrepancyCases.close(id, actor),
);
