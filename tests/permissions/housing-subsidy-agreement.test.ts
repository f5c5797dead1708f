import { beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../factories/agreements.ts';
import { createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The issue's own story: an administrator lets HOUSING see whether a family receives 低保 and a masked name, for
// housing subsidies; HOUSING's system then gets exactly that, and the audit trail proves it.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const iso = (date: Date) => date.toISOString().slice(0, 10);

let family: Awaited<ReturnType<typeof createHousehold>>;
let tokens: { author: string; approver: string; auditor: string };
let housing: { id: string };
let civilAffairs: { id: string };

const PARTNER_QUERY = `query ($idNumber: String!) {
  person(idNumber: $idNumber) {
    name idNumber birthDate
    bankAccounts { balanceFen }
    ownsVehicle
    household { receivesMinimumLivingGuarantee currentAssistance { kind since } address assistanceCases { monthlyAmountFen } }
  }
}`;

async function partnerToken(clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${hub.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  await hub.prisma.person.update({ where: { id: family.head.id }, data: { name: '张建国' } });
  await createDepartmentRecords(
    hub.prisma,
    family.head.id,
    await createSnapshots(hub.prisma, { regionCode: region.code }),
  );
  await hub.prisma.assistanceCase.create({
    data: {
      householdId: family.household.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'ACTIVE',
      startedOn: new Date('2024-03-01'),
      monthlyAmountFen: 72_000,
    },
  });
  civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code });
  const login = async (role: 'ADMIN' | 'AUDITOR') => {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    return hub.logIn(user.username, password);
  };
  tokens = { author: await login('ADMIN'), approver: await login('ADMIN'), auditor: await login('AUDITOR') };
});

describe('an agreement letting HOUSING see 低保 status and a masked name for housing subsidies', () => {
  let agreementId: string;
  let token: string;

  it('is drafted, submitted and approved by another administrator', async () => {
    const created = await hub.graphql<{ createSharingAgreement: { id: string; status: string } }>(
      `mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id status } }`,
      {
        token: tokens.author,
        variables: {
          input: {
            code: 'YC-MZ-ZJ-2026-001',
            title: '民政低保信息共享（住房保障审核）',
            providerDepartmentId: civilAffairs.id,
            consumerDepartmentId: housing.id,
            purposes: ['HOUSING_SUBSIDY'],
            validFrom: iso(daysFromToday(-1)),
            validUntil: iso(daysFromToday(365)),
            items: [
              { dataItemCode: 'ASSISTANCE_STATUS', accessLevel: 'DERIVED' },
              { dataItemCode: 'PERSON_IDENTITY', accessLevel: 'MASKED' },
            ],
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    agreementId = created.data?.createSharingAgreement.id as string;
    const submitted = await hub.graphql('mutation ($id: ID!) { submitSharingAgreement(id: $id) { status } }', {
      token: tokens.author,
      variables: { id: agreementId },
    });
    expect(submitted.data).toEqual({ submitSharingAgreement: { status: 'PENDING_APPROVAL' } });

    const client = await hub.graphql<{ createApiClient: { apiClient: { clientId: string }; clientSecret: string } }>(
      `mutation ($departmentId: ID!) {
        createApiClient(input: { departmentId: $departmentId, name: "住建局保障房审核系统" }) { apiClient { clientId } clientSecret }
      }`,
      { token: tokens.author, variables: { departmentId: housing.id } },
    );
    expect(client.errors).toBeUndefined();
    const { apiClient, clientSecret } = client.data?.createApiClient ?? {
      apiClient: { clientId: '' },
      clientSecret: '',
    };
    token = await partnerToken(apiClient.clientId, clientSecret);

    // Not yet approved: HOUSING sees nothing of the family.
    const early = await hub.graphql(PARTNER_QUERY, {
      token,
      purpose: 'HOUSING_SUBSIDY',
      variables: { idNumber: family.head.idNumber },
    });
    // Not even whether the family exists: the lookup itself is refused, whoever is asked about.
    expect(early.data).toEqual({ person: null });
    expect(early.errors?.find((error) => error.path?.join('.') === 'person')?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      dataItem: 'PERSON_IDENTITY',
      reason: 'NO_AGREEMENT',
    });

    const approved = await hub.graphql('mutation ($id: ID!) { approveSharingAgreement(id: $id) { status } }', {
      token: tokens.approver,
      variables: { id: agreementId },
    });
    expect(approved.data).toEqual({ approveSharingAgreement: { status: 'ACTIVE' } });
  });

  it('gives the HOUSING client the status and the masked name, and FORBIDDEN for everything else', async () => {
    const answer = await hub.graphql(PARTNER_QUERY, {
      token,
      purpose: 'HOUSING_SUBSIDY',
      variables: { idNumber: family.head.idNumber },
    });
    expect(answer.data).toEqual({
      person: {
        name: '张**',
        idNumber: `${family.head.idNumber.slice(0, 6)}********${family.head.idNumber.slice(-4)}`,
        birthDate: null,
        bankAccounts: null,
        ownsVehicle: null,
        household: {
          receivesMinimumLivingGuarantee: true,
          currentAssistance: [{ kind: 'MINIMUM_LIVING_GUARANTEE', since: '2024-03-01' }],
          address: null,
          assistanceCases: null,
        },
      },
    });
    const denials = Object.fromEntries(
      (answer.errors ?? []).map((error) => [
        error.path?.join('.'),
        `${error.extensions?.code}:${error.extensions?.dataItem}:${error.extensions?.reason}`,
      ]),
    );
    expect(denials).toEqual({
      'person.birthDate': 'FORBIDDEN:PERSON_IDENTITY:INSUFFICIENT_ACCESS_LEVEL',
      'person.bankAccounts': 'FORBIDDEN:BANK_DEPOSITS:NO_AGREEMENT',
      'person.ownsVehicle': 'FORBIDDEN:VEHICLES:NO_AGREEMENT',
      'person.household.address': 'FORBIDDEN:HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
      'person.household.assistanceCases': 'FORBIDDEN:ASSISTANCE_STATUS:INSUFFICIENT_ACCESS_LEVEL',
    });
  });

  it('gives nothing for another purpose than the agreement names', async () => {
    const answer = await hub.graphql(PARTNER_QUERY, {
      token,
      purpose: 'EMPLOYMENT_ASSISTANCE',
      variables: { idNumber: family.head.idNumber },
    });
    expect(JSON.stringify(answer.data)).not.toContain('张');
    expect(JSON.stringify(answer.data)).not.toContain('true');
  });

  it('leaves the disclosure and the denials in the audit trail, with the chain intact', async () => {
    const audit = await hub.graphql<{
      auditEntries: {
        edges: {
          node: {
            actorKind: string;
            purpose: string;
            agreementIds: string[];
            itemsDisclosed: string[];
            itemsDenied: string[];
            decision: string;
            subjectHouseholdId: string | null;
          };
        }[];
      };
    }>(
      `query ($idNumber: String!) {
        auditEntries(filter: { subjectIdNumber: $idNumber }, first: 50) {
          edges { node { actorKind purpose agreementIds itemsDisclosed itemsDenied decision subjectHouseholdId } }
        }
      }`,
      { token: tokens.auditor, variables: { idNumber: family.head.idNumber } },
    );
    expect(audit.errors).toBeUndefined();
    const partner = (audit.data?.auditEntries.edges ?? [])
      .map((edge) => edge.node)
      .filter((node) => node.actorKind === 'API_CLIENT' && node.purpose === 'HOUSING_SUBSIDY');
    const aboutPerson = partner.filter((node) => node.subjectHouseholdId === null && node.itemsDisclosed.length);
    const aboutHousehold = partner.filter((node) => node.subjectHouseholdId !== null && node.itemsDisclosed.length);
    expect(aboutPerson.at(0)).toMatchObject({
      itemsDisclosed: ['PERSON_IDENTITY'],
      itemsDenied: expect.arrayContaining(['BANK_DEPOSITS', 'PERSON_IDENTITY', 'VEHICLES']),
      decision: 'PARTIAL',
      agreementIds: [agreementId],
    });
    expect(aboutHousehold.at(0)).toMatchObject({
      itemsDisclosed: ['ASSISTANCE_STATUS'],
      itemsDenied: expect.arrayContaining(['ASSISTANCE_STATUS', 'HOUSEHOLD_COMPOSITION']),
      decision: 'PARTIAL',
    });
    // The request before approval was refused outright, and is on record too.
    expect(partner.some((node) => node.decision === 'DENIED' && node.itemsDenied.includes('PERSON_IDENTITY'))).toBe(
      true,
    );

    const chain = await hub.graphql('{ auditChainStatus { intact entries } }', { token: tokens.auditor });
    expect(chain.data).toMatchObject({ auditChainStatus: { intact: true } });
  });
});
