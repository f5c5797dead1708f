import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import type { Context } from '../context.ts';
import { maskedIdNumber } from '../disclosure/masks.ts';
import { notFoundError } from '../errors.ts';
import { validIdNumber } from '../persons/id-number-argument.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';

// A consent is within reach when its person is: outside it, a person's consents look like those of nobody.
const unknownPerson = (idNumber: string) =>
  notFoundError(`the hub knows no person with the identity number ${idNumber}`);
const unknownConsent = (id: string) => notFoundError(`no consent has the id ${id}`);

async function requireConsentInReach(context: Context, id: string): Promise<void> {
  const consent = isUuid(id)
    ? await context.prisma.consent.findUnique({ where: { id }, select: { personId: true } })
    : null;
  if (consent && !(await context.access.reachesPerson({ id: consent.personId }))) throw unknownConsent(id);
}

export const Consent = builder.prismaObject('Consent', {
  description:
    "A person's signed authorisation (授权) for the verification of their income and assets: for the purposes it " +
    'names, from signedOn through expiresOn (inclusive), for one consumer department or any. Withdrawn, it covers nothing.',
  authScopes: (consent) => ({ can: 'consents:read', reachesPerson: consent.personId }),
  fields: (t) => ({
    id: t.exposeID('id'),
    personIdNumber: t.string({
      description: 'The subject, masked: 640104********0012.',
      select: { person: { select: { idNumber: true } } },
      resolve: (consent) => maskedIdNumber(consent.person.idNumber),
    }),
    purposes: t.expose('purposes', { type: [PurposeEnum] }),
    department: t.relation('department', { nullable: true, description: 'Null: it covers any consumer department.' }),
    signedOn: t.expose('signedOn', { type: 'Date' }),
    expiresOn: t.expose('expiresOn', { type: 'Date' }),
    documentReference: t.exposeString('documentReference', { description: 'Where the signed paper is filed.' }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    recordedBy: t.relation('recordedBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('consents', (t) =>
  t.prismaField({
    type: ['Consent'],
    nullable: true,
    description:
      "A person's consents, latest signed first, withdrawn ones included. For a person outside the caller's reach none, " +
      'exactly as for one the hub does not hold; recording or withdrawing one is refused with the same NOT_FOUND.',
    authScopes: { can: 'consents:read' },
    args: { personIdNumber: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, { prisma, access }) => {
      const idNumber = validIdNumber(args.personIdNumber);
      if (!(await access.reachesPerson({ idNumber }))) return [];
      return prisma.consent.findMany({
        ...query,
        where: { person: { idNumber } },
        orderBy: [{ signedOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

const RecordConsentInput = builder.inputType('RecordConsentInput', {
  fields: (t) => ({
    personIdNumber: t.string({ required: true }),
    purposes: t.field({ type: [PurposeEnum], required: true }),
    departmentId: t.id({ description: 'Limits it to this consumer department; omit for any.' }),
    signedOn: t.field({ type: 'Date', required: true }),
    expiresOn: t.field({ type: 'Date', required: true, description: 'The last day it covers (inclusive).' }),
    documentReference: t.string({ required: true, description: 'Where the signed paper is filed, e.g. its number.' }),
  }),
});

builder.mutationField('recordConsent', (t) =>
  t.prismaField({
    type: 'Consent',
    authScopes: { can: 'consents:record' },
    args: { input: t.arg({ type: RecordConsentInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const idNumber = validIdNumber(input.personIdNumber);
      if (!(await context.access.reachesPerson({ idNumber }))) throw unknownPerson(idNumber);
      const { id } = await context.services.consents.recordConsent(
        { ...input, departmentId: input.departmentId == null ? null : String(input.departmentId) },
        viewerUserId(context),
        changeActorOf(context, 'recordConsent'),
      );
      return context.prisma.consent.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('withdrawConsent', (t) =>
  t.prismaField({
    type: 'Consent',
    description: 'From this moment the consent covers nothing; withdrawing it again keeps the first time.',
    authScopes: { can: 'consents:record' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      await requireConsentInReach(context, String(args.id));
      const actor = changeActorOf(context, 'withdrawConsent');
      const { id } = await context.services.consents.withdrawConsent(String(args.id), actor);
      return context.prisma.consent.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
