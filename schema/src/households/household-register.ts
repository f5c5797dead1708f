import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { notFoundError } from '../errors.ts';
import { RelationEnum } from '../persons/person.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';
import { AreaTypeEnum } from './household.ts';

// The civil-affairs register, edited one record at a time. Each answer is the household as its reader sees it, so
// the request declares a purpose like any other read (x-hub-purpose).

const RegisterMemberInput = builder.inputType('RegisterMemberInput', {
  fields: (t) => ({
    idNumber: t.string({ required: true, description: 'GB 11643; a person the hub does not know yet is created.' }),
    name: t.string({ required: true }),
    relation: t.field({ type: RelationEnum, required: true }),
  }),
});

const RegisterHouseholdInput = builder.inputType('RegisterHouseholdInput', {
  fields: (t) => ({
    regionCode: t.string({ required: true, description: 'The township or village it lives in.' }),
    areaType: t.field({ type: AreaTypeEnum, required: true }),
    address: t.string({ required: true }),
    registerNumber: t.string({ description: '户编号 in the civil-affairs business system; unique.' }),
    validFrom: t.field({ type: 'Date', required: true, description: 'The day this composition takes effect.' }),
    members: t.field({ type: [RegisterMemberInput], required: true, description: 'Exactly one HEAD.' }),
  }),
});

const UpdateHouseholdInput = builder.inputType('UpdateHouseholdInput', {
  description: 'What may be corrected of a household; an omitted field stays as it is.',
  fields: (t) => ({
    regionCode: t.string({ description: 'The township or village it lives in, within your region.' }),
    areaType: t.field({ type: AreaTypeEnum }),
    address: t.string(),
    registerNumber: t.string({ description: '户编号; empty removes it.' }),
  }),
});

/** A household outside the editor's region looks exactly like one that does not exist. */
async function requireHouseholdWithinReach(context: Context, householdId: string): Promise<void> {
  await context.access.requireReach('HOUSEHOLD_COMPOSITION');
  // A malformed id names no household either (and must not reach the database as a uuid).
  if (!isUuid(householdId) || !(await context.access.reachesHousehold(householdId))) {
    throw notFoundError(`no household has the id ${householdId}`);
  }
}

builder.mutationField('registerHousehold', (t) =>
  t.prismaField({
    type: 'Household',
    description:
      'Registers a household and its members, each a member from validFrom. Every problem of the input is ' +
      'reported at once (BAD_USER_INPUT `INVALID_INPUT`, `fields` naming each); nothing is saved then.',
    authScopes: { can: 'register:edit' },
    args: { input: t.arg({ type: RegisterHouseholdInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      await context.access.requireReach('HOUSEHOLD_COMPOSITION');
      if (!(await context.access.reachesRegion(input.regionCode))) {
        throw notFoundError(`regionCode: no region ${input.regionCode} within your reach`);
      }
      const { id } = await context.services.register.registerHousehold(
        { ...input, registerNumber: input.registerNumber ?? null },
        viewerUserId(context),
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('updateHousehold', (t) =>
  t.prismaField({
    type: 'Household',
    description:
      'Corrects a household’s region, area type, address or 户编号; its members and cases stay. Both the household ' +
      'and its new region must be within your reach (NOT_FOUND otherwise).',
    authScopes: { can: 'register:edit' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateHouseholdInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const householdId = String(id);
      await requireHouseholdWithinReach(context, householdId);
      if (input.regionCode != null && !(await context.access.reachesRegion(input.regionCode))) {
        throw notFoundError(`regionCode: no region ${input.regionCode} within your reach`);
      }
      await context.services.register.updateHousehold(householdId, input, viewerUserId(context));
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id: householdId } });
    },
  }),
);

builder.mutationField('addHouseholdMember', (t) =>
  t.prismaField({
    type: 'Household',
    description: 'A person joins the household from joinedOn; the earlier composition stays in `memberships`.',
    authScopes: { can: 'register:edit' },
    args: {
      householdId: t.arg.id({ required: true }),
      member: t.arg({ type: RegisterMemberInput, required: true }),
      joinedOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const householdId = String(args.householdId);
      await requireHouseholdWithinReach(context, householdId);
      await context.services.register.addHouseholdMember(
        householdId,
        { ...args.member, joinedOn: args.joinedOn },
        viewerUserId(context),
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id: householdId } });
    },
  }),
);

builder.mutationField('endHouseholdMembership', (t) =>
  t.prismaField({
    type: 'Household',
    description: 'The person is no longer a member from leftOn (death, marriage, moving away).',
    authScopes: { can: 'register:edit' },
    args: {
      householdId: t.arg.id({ required: true }),
      idNumber: t.arg.string({ required: true }),
      leftOn: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const householdId = String(args.householdId);
      await requireHouseholdWithinReach(context, householdId);
      await context.services.register.endHouseholdMembership(
        householdId,
        { idNumber: args.idNumber, leftOn: args.leftOn },
        viewerUserId(context),
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id: householdId } });
    },
  }),
);
