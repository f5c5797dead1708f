import { builder } from '../builder.ts';
import { findDataItem } from '../catalogue.ts';
import type { PersonDisclosure as PersonDisclosureRow } from '../context.ts';
import { validIdNumber } from '../persons/id-number-argument.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { ActorKindEnum } from './audit-entry.ts';

const DisclosedItem = builder.objectRef<string>('DisclosedItem').implement({
  fields: (t) => ({
    code: t.string({ resolve: (code) => code }),
    nameZh: t.string({ resolve: (code) => findDataItem(code)?.name.zh ?? code }),
    nameEn: t.string({ resolve: (code) => findDataItem(code)?.name.en ?? code }),
  }),
});

export const PersonDisclosure = builder.objectRef<PersonDisclosureRow>('PersonDisclosure').implement({
  description:
    'One disclosure about a person (查询记录): when, to which department, for what purpose, which items, under ' +
    'which agreements or signed authorisations. Nothing about anyone else.',
  authScopes: { can: 'disclosures:read' },
  fields: (t) => ({
    sequence: t.exposeString('sequence', { description: "The audit entry's place in the chain." }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    departmentName: t.exposeString('departmentName', { nullable: true }),
    actorKind: t.field({ type: ActorKindEnum, resolve: (row) => row.actorKind }),
    purpose: t.expose('purpose', { type: PurposeEnum, nullable: true }),
    items: t.field({ type: [DisclosedItem], resolve: (row) => row.itemsDisclosed }),
    aboutHousehold: t.exposeBoolean('aboutHousehold', {
      description: "Disclosed about the person's household then (its composition), not about the person alone.",
    }),
    agreementCodes: t.exposeStringList('agreementCodes'),
    consentReferences: t.exposeStringList('consentReferences', {
      description: 'The signed authorisations (授权书) that covered it, by their document reference.',
    }),
  }),
});

builder.queryField('disclosuresAbout', (t) =>
  t.field({
    type: [PersonDisclosure],
    nullable: true,
    description:
      'Who looked at me (查询记录): every disclosure about the person, newest first, for the counter that hands it to ' +
      'them (the printable page is POST /audit/disclosure-record with { idNumber }). Null when the hub holds no such person ' +
      'within your reach. The look is itself recorded in their trail.',
    authScopes: { can: 'disclosures:read' },
    args: {
      idNumber: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 200, description: 'At most this many, 1 to 1,000.' }),
    },
    resolve: async (_root, args, context) => {
      const idNumber = validIdNumber(args.idNumber);
      const first = Math.min(Math.max(args.first ?? 200, 1), 1_000);
      if (!(await context.access.reachesPerson({ idNumber }))) return null;
      const person = await context.prisma.person.findUnique({ where: { idNumber }, select: { id: true } });
      if (!person) return null;
      context.disclosures.touch({ subjectPersonId: person.id, subjectHouseholdId: null });
      return context.services.audit.disclosuresAbout(person.id, first);
    },
  }),
);
