import type { AccessLevel, AgreementStatus, PrismaClient, Purpose } from '@hub/prisma';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import { createDepartment } from './departments.ts';
import { uniqueNumber } from './unique.ts';
import { createUser } from './users.ts';

const DAY_MS = 86_400_000;
export const daysFromToday = (days: number) => new Date(serviceDay().getTime() + days * DAY_MS);

/** An agreement straight into the database (ACTIVE unless told), valid from a year ago to a year ahead. */
export async function createAgreement(
  prisma: PrismaClient,
  options: {
    consumerDepartmentId: string;
    providerDepartmentId: string;
    items: Record<string, AccessLevel>;
    purposes?: Purpose[];
    validFrom?: Date;
    validUntil?: Date;
    dailyQueryQuota?: number | null;
    status?: AgreementStatus;
    authorId?: string;
  },
) {
  const authorId =
    options.authorId ??
    (await createUser(prisma, { role: 'ADMIN', departmentId: options.consumerDepartmentId })).user.id;
  const n = uniqueNumber();
  const agreement = await prisma.sharingAgreement.create({
    data: {
      code: `AGR-${n}`,
      title: `协议 ${n}`,
      providerDepartmentId: options.providerDepartmentId,
      consumerDepartmentId: options.consumerDepartmentId,
      purposes: options.purposes ?? ['MINIMUM_LIVING_GUARANTEE'],
      validFrom: options.validFrom ?? daysFromToday(-365),
      validUntil: options.validUntil ?? daysFromToday(365),
      dailyQueryQuota: options.dailyQueryQuota ?? null,
      status: options.status ?? 'ACTIVE',
      authorId,
      items: { create: Object.entries(options.items).map(([itemCode, accessLevel]) => ({ itemCode, accessLevel })) },
    },
  });
  await prisma.$executeRaw`SELECT pg_notify('hub_agreements_changed', ${agreement.id})`;
  return agreement;
}

/**
 * Agreements giving the consumer every data item of every department in the database at one level, for the
 * purposes given: what the verification centre holds in the demo.
 */
export async function grantEveryItem(
  prisma: PrismaClient,
  options: { consumerDepartmentId: string; purposes?: Purpose[]; level?: AccessLevel },
) {
  const { user } = await createUser(prisma, { role: 'ADMIN', departmentId: options.consumerDepartmentId });
  const providers = await prisma.department.findMany({ where: { id: { not: options.consumerDepartmentId } } });
  for (const provider of providers) {
    const items = DATA_ITEMS.filter((item) => item.providerKind === provider.kind);
    if (!items.length) continue;
    await createAgreement(prisma, {
      consumerDepartmentId: options.consumerDepartmentId,
      providerDepartmentId: provider.id,
      purposes: options.purposes,
      authorId: user.id,
      items: Object.fromEntries(items.map((item) => [item.code, options.level ?? 'FULL'])),
    });
  }
}

/** A signed authorisation (授权) for the person, valid from a month ago to a year ahead unless told. */
export async function createConsent(
  prisma: PrismaClient,
  options: {
    personId: string;
    purposes?: Purpose[];
    departmentId?: string | null;
    signedOn?: Date;
    expiresOn?: Date;
    withdrawnAt?: Date | null;
  },
) {
  return prisma.consent.create({
    data: {
      personId: options.personId,
      purposes: options.purposes ?? ['MINIMUM_LIVING_GUARANTEE'],
      departmentId: options.departmentId ?? null,
      signedOn: options.signedOn ?? daysFromToday(-30),
      expiresOn: options.expiresOn ?? daysFromToday(365),
      documentReference: `授权书-${uniqueNumber()}.pdf`,
      withdrawnAt: options.withdrawnAt ?? null,
    },
  });
}

/** A provider (public security), a consumer (housing) and two administrators, the author and the approver. */
export async function createAgreementParties(
  prisma: PrismaClient,
  hub: { logIn(username: string, password: string): Promise<string> },
  regionCode: string,
) {
  const provider = await createDepartment(prisma, { kind: 'PUBLIC_SECURITY', regionCode });
  const consumer = await createDepartment(prisma, { kind: 'HOUSING', regionCode });
  const civilAffairs = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const tokens: Record<'author' | 'approver' | 'officer' | 'auditor', string> = {
    author: '',
    approver: '',
    officer: '',
    auditor: '',
  };
  const roles = { author: 'ADMIN', approver: 'ADMIN', officer: 'VERIFICATION_OFFICER', auditor: 'AUDITOR' } as const;
  const users: Record<string, { id: string; username: string }> = {};
  for (const [who, role] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
    const { user, password } = await createUser(prisma, { role, departmentId: civilAffairs.id });
    users[who] = user;
    tokens[who] = await hub.logIn(user.username, password);
  }
  return { provider, consumer, civilAffairs, tokens, users };
}

/** A valid CreateSharingAgreementInput from the provider to the consumer; override any field. */
export function agreementInput(
  parties: { provider: { id: string }; consumer: { id: string } },
  overrides: Record<string, unknown> = {},
) {
  return {
    code: `YC-GA-ZJ-${uniqueNumber()}`,
    title: '公安机动车及户籍信息共享（住房保障审核）',
    providerDepartmentId: parties.provider.id,
    consumerDepartmentId: parties.consumer.id,
    purposes: ['HOUSING_SUBSIDY'],
    // Relative to today, so that the agreement stays current whenever the suite runs.
    validFrom: daysFromToday(-30).toISOString().slice(0, 10),
    validUntil: daysFromToday(365).toISOString().slice(0, 10),
    dailyQueryQuota: 500,
    items: [
      { dataItemCode: 'VEHICLES', accessLevel: 'DERIVED' },
      { dataItemCode: 'HUKOU', accessLevel: 'MASKED' },
    ],
    ...overrides,
  };
}
