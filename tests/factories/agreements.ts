import type { PrismaClient } from '@hub/prisma';
import { createDepartment } from './departments.ts';
import { uniqueNumber } from './unique.ts';
import { createUser } from './users.ts';

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
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    dailyQueryQuota: 500,
    items: [
      { dataItemCode: 'VEHICLES', accessLevel: 'DERIVED' },
      { dataItemCode: 'HUKOU', accessLevel: 'MASKED' },
    ],
    ...overrides,
  };
}
