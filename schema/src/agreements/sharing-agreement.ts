import { AgreementStatus, type Prisma } from '@hub/prisma';
import { builder } from '../builder.ts';
import { serviceDay } from '../calendar/service-day.ts';
import { badUserInputError } from '../errors.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { isUuid } from '../uuid.ts';
import { effectiveAgreementStatus, effectiveStatusWhere } from './effective-status.ts';

export const AgreementStatusEnum = builder.enumType(AgreementStatus, { name: 'AgreementStatus' });

export const SharingAgreement = builder.prismaObject('SharingAgreement', {
  description:
    'Lets a consumer department use given data items of a provider for given purposes from validFrom through ' +
    'validUntil (both inclusive, Asia/Shanghai days). Draft → pending approval → active ⇄ suspended → revoked.',
  authScopes: { can: 'agreements:read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    provider: t.relation('provider'),
    consumer: t.relation('consumer'),
    purposes: t.expose('purposes', { type: [PurposeEnum] }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validUntil: t.expose('validUntil', { type: 'Date' }),
    dailyQueryQuota: t.exposeInt('dailyQueryQuota', { nullable: true, description: 'Null: no daily quota.' }),
    status: t.expose('status', {
      type: AgreementStatusEnum,
      description: 'The stage of the life cycle it was put in.',
    }),
    effectiveStatus: t.field({
      type: AgreementStatusEnum,
      description: "EXPIRED once an ACTIVE or SUSPENDED agreement's validUntil has passed; otherwise its status.",
      select: { status: true, validUntil: true },
      resolve: (agreement) => effectiveAgreementStatus(agreement, serviceDay()),
    }),
    statusReason: t.exposeString('statusReason', {
      nullable: true,
      description: 'Why it was last returned, suspended or revoked.',
    }),
    author: t.relation('author'),
    approver: t.relation('approver', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', {
      description: 'Goes up with every change; updateSharingAgreement takes the version you read.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    items: t.relation('items', { query: { orderBy: { itemCode: 'asc' } } }),
  }),
});

builder.queryField('sharingAgreement', (t) =>
  t.prismaField({
    type: 'SharingAgreement',
    nullable: true,
    authScopes: { can: 'agreements:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, { prisma }) => {
      const planned = { ...query }; // read before any early null, which skips the query on purpose
      const id = String(args.id);
      return isUuid(id) ? prisma.sharingAgreement.findUnique({ ...planned, where: { id } }) : null;
    },
  }),
);

const SharingAgreementFilter = builder.inputType('SharingAgreementFilter', {
  fields: (t) => ({
    providerDepartmentId: t.id(),
    consumerDepartmentId: t.id(),
    status: t.field({ type: AgreementStatusEnum, description: 'The effective status (EXPIRED included).' }),
    purpose: t.field({ type: PurposeEnum }),
  }),
});

type Filter = typeof SharingAgreementFilter.$inferInput;

function departmentId(id: string | number | null | undefined, field: string): string | undefined {
  if (id == null) return undefined;
  if (!isUuid(String(id))) {
    throw badUserInputError('UNKNOWN_DEPARTMENT', `${field}: no department has the id ${id}`, { field, id });
  }
  return String(id);
}

function agreementsWhere(filter: Filter | null | undefined): Prisma.SharingAgreementWhereInput {
  if (!filter) return {};
  return {
    providerDepartmentId: departmentId(filter.providerDepartmentId, 'providerDepartmentId'),
    consumerDepartmentId: departmentId(filter.consumerDepartmentId, 'consumerDepartmentId'),
    purposes: filter.purpose ? { has: filter.purpose } : undefined,
    AND: filter.status ? [effectiveStatusWhere(filter.status, serviceDay())] : undefined,
  };
}

builder.queryField('sharingAgreements', (t) =>
  t.prismaConnection(
    {
      type: 'SharingAgreement',
      cursor: 'id',
      nullable: true,
      description: 'Sharing agreements, newest first.',
      authScopes: { can: 'agreements:read' },
      args: { filter: t.arg({ type: SharingAgreementFilter }) },
      totalCount: (_connection, args, { prisma }) =>
        prisma.sharingAgreement.count({ where: agreementsWhere(args.filter) }),
      resolve: (query, _root, args, { prisma }) =>
        prisma.sharingAgreement.findMany({
          ...query,
          where: agreementsWhere(args.filter),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'SharingAgreementConnection' },
    { name: 'SharingAgreementEdge' },
  ),
);
