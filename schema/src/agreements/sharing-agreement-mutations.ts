import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';
import {
  CreateSharingAgreementInput,
  sharingAgreementTerms,
  UpdateSharingAgreementInput,
} from './sharing-agreement-input.ts';

// Mutations answer with the agreement as it is after the change, read with the selection the caller asked for.
const reread = (prisma: PrismaClient, query: object, { id }: SharingAgreement) =>
  prisma.sharingAgreement.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField('createSharingAgreement', (t) =>
  t.prismaField({
    type: 'SharingAgreement',
    description: 'A new agreement in DRAFT, with you as its author.',
    authScopes: { can: 'agreements:manage' },
    args: { input: t.arg({ type: CreateSharingAgreementInput, required: true }) },
    resolve: async (query, _root, { input }, context) =>
      reread(
        context.prisma,
        query,
        await context.services.agreements.createSharingAgreement(
          sharingAgreementTerms(input),
          viewerUserId(context),
          changeActorOf(context, 'createSharingAgreement'),
        ),
      ),
  }),
);

builder.mutationField('updateSharingAgreement', (t) =>
  t.prismaField({
    type: 'SharingAgreement',
    description: "Replaces a DRAFT's terms and items; refused with CONFLICT when it changed since `expectedVersion`.",
    authScopes: { can: 'agreements:manage' },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateSharingAgreementInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, { prisma, services }) =>
      reread(
        prisma,
        query,
        await services.agreements.updateSharingAgreement(
          String(args.id),
          sharingAgreementTerms(args.input),
          args.expectedVersion,
        ),
      ),
  }),
);

builder.mutationField('deleteSharingAgreement', (t) =>
  t.prismaField({
    type: 'SharingAgreement',
    description:
      'Deletes a DRAFT of yours and answers with it as it was. Anything else is CONFLICT `INVALID_TRANSITION` ' +
      '(revoke an agreement once submitted); another author’s draft is FORBIDDEN.',
    authScopes: { can: 'agreements:manage' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = String(args.id);
      // The answer is read first: afterwards there is nothing to read it from.
      const before = isUuid(id) ? await context.prisma.sharingAgreement.findUnique({ ...query, where: { id } }) : null;
      await context.services.agreements.deleteSharingAgreement(id, viewerUserId(context));
      if (!before) throw new Error(`sharing agreement ${id} was deleted before it could be read`);
      return before;
    },
  }),
);

type Transition = 'submit' | 'approve' | 'resume';
type TransitionWithReason = 'return' | 'suspend' | 'revoke';

const transitions: Record<Transition, string> = {
  submit: 'DRAFT → PENDING_APPROVAL: asks another administrator to approve it.',
  approve: 'PENDING_APPROVAL → ACTIVE, by an administrator who is not its author.',
  resume: 'SUSPENDED → ACTIVE.',
};

const transitionsWithReason: Record<TransitionWithReason, string> = {
  return: 'PENDING_APPROVAL → DRAFT: back to its author, saying what to change.',
  suspend: 'ACTIVE → SUSPENDED: it grants nothing until resumed.',
  revoke: 'PENDING_APPROVAL, ACTIVE or SUSPENDED → REVOKED, for good.',
};

for (const [action, description] of Object.entries(transitions) as [Transition, string][]) {
  builder.mutationField(`${action}SharingAgreement`, (t) =>
    t.prismaField({
      type: 'SharingAgreement',
      description,
      authScopes: { can: 'agreements:manage' },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, context) => {
        const { agreements } = context.services;
        const id = String(args.id);
        const actor = changeActorOf(context, `${action}SharingAgreement`);
        const changed =
          action === 'approve'
            ? await agreements.approveSharingAgreement(id, viewerUserId(context), actor)
            : await agreements[`${action}SharingAgreement`](id, actor);
        return reread(context.prisma, query, changed);
      },
    }),
  );
}

for (const [action, description] of Object.entries(transitionsWithReason) as [TransitionWithReason, string][]) {
  builder.mutationField(`${action}SharingAgreement`, (t) =>
    t.prismaField({
      type: 'SharingAgreement',
      description,
      authScopes: { can: 'agreements:manage' },
      args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: async (query, _root, args, context) =>
        reread(
          context.prisma,
          query,
          await context.services.agreements[`${action}SharingAgreement`](
            String(args.id),
            args.reason,
            changeActorOf(context, `${action}SharingAgreement`),
          ),
        ),
    }),
  );
}
