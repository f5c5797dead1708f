import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrismaClient, Purpose } from '@hub/prisma';
import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import type { SharingAgreementTerms } from '@hub/schema/context';
import { approveSharingAgreement } from '../agreements/approve-sharing-agreement.ts';
import { createSharingAgreement } from '../agreements/create-sharing-agreement.ts';
import { submitSharingAgreement } from '../agreements/submit-sharing-agreement.ts';
import { userChangeActor } from '../audit/change-actors.ts';
import { recordConsent } from '../consents/record-consent.ts';
import { createApiClient } from '../identity/create-api-client.ts';
import { ensureAdministrator } from '../identity/ensure-administrator.ts';
import { rotateApiClientSecret } from '../identity/rotate-api-client-secret.ts';
import { chooseTryItPersons } from './choose-try-it-persons.ts';
import { type TryItList, tryItPath } from './try-it-list.ts';

const PURPOSE = 'HOUSING_SUBSIDY' satisfies Purpose;
const CLIENT_NAME = '住建局保障房审核系统';

// What HOUSING may ask for its housing-subsidy checks: whether a family receives assistance and who a person is
// (masked) from civil affairs, and, about persons who consented, whether they own a vehicle. And, as the department
// that gives housing help, the referrals (转介) an office makes to it (docs/discrepancy-cases.md, Referral).
const HOUSING_AGREEMENTS = [
  {
    providerKind: 'CIVIL_AFFAIRS',
    codeSuffix: '',
    purpose: PURPOSE,
    title: '民政低保信息共享（住房保障审核）',
    items: [
      { dataItemCode: 'ASSISTANCE_STATUS', accessLevel: 'DERIVED' },
      { dataItemCode: 'PERSON_IDENTITY', accessLevel: 'MASKED' },
    ],
  },
  {
    providerKind: 'PUBLIC_SECURITY',
    codeSuffix: '',
    purpose: PURPOSE,
    title: '公安车辆信息共享（住房保障审核，须授权）',
    items: [{ dataItemCode: 'VEHICLES', accessLevel: 'DERIVED' }],
  },
  {
    providerKind: 'CIVIL_AFFAIRS',
    codeSuffix: '-REFERRAL',
    purpose: 'CASE_REFERRAL',
    title: '民政转介住房救助（疑点案件转介）',
    items: [{ dataItemCode: 'CASE_REFERRAL', accessLevel: 'MASKED' }],
  },
] as const;

function writeSecretFile(path: string, text: string): void {
  writeFileSync(path, `${text}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * The demo's partner, set up the way an administrator would through the API: a second administrator `reviewer`,
 * an API client of the housing department (id and secret in the data folder, nowhere else), its agreements drafted by
 * `admin` and approved by `reviewer`, authorisations from the try-it households, and the try-it list. Each step is
 * skipped when already done, so a start interrupted half-way completes it on the next start.
 */
export async function setUpDemoPartner(
  prisma: PrismaClient,
  options: { dataDirectory: string; manifest: SeedManifest; centreCode: string },
): Promise<{ reviewerPasswordFile?: string; tryItFile: string; clientIdFile: string }> {
  const centre = await prisma.department.findUniqueOrThrow({ where: { code: options.centreCode } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const reviewerPassword = process.env.HUB_REVIEWER_PASSWORD ?? randomBytes(12).toString('base64url');
  const reviewerCreated = await ensureAdministrator(prisma, {
    username: 'reviewer',
    password: reviewerPassword,
    displayName: '审核管理员',
    departmentCode: centre.code,
  });
  let reviewerPasswordFile: string | undefined;
  if (reviewerCreated && !process.env.HUB_REVIEWER_PASSWORD) {
    reviewerPasswordFile = join(options.dataDirectory, 'initial-reviewer-password');
    writeSecretFile(reviewerPasswordFile, reviewerPassword);
  }
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { username: 'reviewer' } });

  // The demo city's 住房和城乡建设局, which the demo region already has as the provider of real estate.
  const housing = await prisma.department.findFirstOrThrow({
    where: { kind: 'HOUSING', regionCode: centre.regionCode },
    orderBy: { code: 'asc' },
  });
  const clientIdFile = join(options.dataDirectory, 'housing-client-id');
  const clientSecretFile = join(options.dataDirectory, 'housing-client-secret');
  const existing = await prisma.apiClient.findFirst({
    where: { departmentId: housing.id, name: CLIENT_NAME, revokedAt: null },
  });
  if (!existing || !existsSync(clientSecretFile)) {
    const { apiClient, clientSecret } = existing
      ? await rotateApiClientSecret(prisma, existing.id, userChangeActor(admin, 'hub demo set-up'))
      : await createApiClient(
          prisma,
          { departmentId: housing.id, name: CLIENT_NAME },
          admin.id,
          userChangeActor(admin, 'hub demo set-up'),
        );
    writeSecretFile(clientIdFile, apiClient.clientId);
    writeSecretFile(clientSecretFile, clientSecret);
  }

  const year = Number(options.manifest.asOf.slice(0, 4));
  const validFrom = new Date(`${year}-01-01`);
  const validUntil = new Date(`${year + 2}-12-31`);
  for (const agreement of HOUSING_AGREEMENTS) {
    const provider = await prisma.department.findFirstOrThrow({
      where: { kind: agreement.providerKind, regionCode: centre.regionCode },
      orderBy: { code: 'asc' },
    });
    const code = `DEMO-${provider.code}-${housing.code}${agreement.codeSuffix}`;
    if (await prisma.sharingAgreement.findUnique({ where: { code } })) continue;
    const terms: SharingAgreementTerms = {
      code,
      title: agreement.title,
      providerDepartmentId: provider.id,
      consumerDepartmentId: housing.id,
      purposes: [agreement.purpose],
      validFrom,
      validUntil,
      dailyQueryQuota: 5000,
      items: agreement.items,
    };
    const draft = await createSharingAgreement(prisma, terms, admin.id, userChangeActor(admin, 'hub demo set-up'));
    await submitSharingAgreement(prisma, draft.id, userChangeActor(admin, 'hub demo set-up'));
    await approveSharingAgreement(prisma, draft.id, reviewer.id, userChangeActor(reviewer, 'hub demo set-up'));
  }

  const persons = await chooseTryItPersons(prisma, options.manifest);
  for (const person of persons.filter((entry) => entry.housingConsent)) {
    const members = await prisma.person.findMany({
      where: { household: { members: { some: { idNumber: person.idNumber } } } },
      select: { id: true, idNumber: true },
    });
    for (const member of members) {
      const signed = await prisma.consent.findFirst({
        where: { personId: member.id, departmentId: housing.id, purposes: { has: PURPOSE } },
      });
      if (signed) continue;
      await recordConsent(
        prisma,
        {
          personIdNumber: member.idNumber,
          purposes: [PURPOSE],
          departmentId: housing.id,
          signedOn: validFrom,
          expiresOn: validUntil,
          documentReference: `演示授权书 ${housing.code}`,
        },
        admin.id,
        userChangeActor(admin, 'hub demo set-up'),
      );
    }
  }

  const list: TryItList = {
    purpose: PURPOSE,
    housingDepartmentCode: housing.code,
    asOf: options.manifest.asOf,
    persons,
  };
  const tryItFile = tryItPath(options.dataDirectory);
  writeFileSync(tryItFile, `${JSON.stringify(list, null, 2)}\n`);
  return { ...(reviewerPasswordFile ? { reviewerPasswordFile } : {}), tryItFile, clientIdFile };
}
