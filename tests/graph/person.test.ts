import { beforeAll, describe, expect, it } from 'vitest';
import { createConsent, grantEveryItem } from '../factories/agreements.ts';
import { createDeathRecords, createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold, createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const PROVENANCE = 'provenance { department { code name kind } snapshotId dataset asOf }';
const PERSON_QUERY = `query ($idNumber: String!) {
  person(idNumber: $idNumber) {
    idNumber name sex birthDate relation
    household { address areaType region { code } members { idNumber relation } }
    hukou { hukouNumber status ${PROVENANCE} }
    vehicles { plateNumber estimatedValueFen ${PROVENANCE} }
    properties { areaM2 use ${PROVENANCE} }
    employment { monthlyWageFen ${PROVENANCE} }
    pensions { monthlyAmountFen ${PROVENANCE} }
    unemploymentBenefits { monthlyAmountFen endsOn ${PROVENANCE} }
    housingFund { balanceFen contributionRate monthlyContributionFen ${PROVENANCE} }
    bankAccounts { balanceFen depositType ${PROVENANCE} }
    wealthProducts { marketValueFen ${PROVENANCE} }
    businesses { enterpriseName registeredCapitalFen ${PROVENANCE} }
    marriages { spouseName event ${PROVENANCE} }
    disabilities { grade ${PROVENANCE} }
    death { diedOn }
  }
}`;

let fixture: Awaited<ReturnType<typeof createFixture>>;
let adminToken: string;

async function createFixture() {
  const { county } = await createRegionTree(hub.prisma);
  const family = await createHousehold(hub.prisma, { regionCode: county.code });
  const current = await createSnapshots(hub.prisma, { regionCode: county.code });
  const superseded = await createSnapshots(hub.prisma, { regionCode: county.code, status: 'SUPERSEDED' });
  const records = await createDepartmentRecords(hub.prisma, family.head.id, current);
  const oldRecords = await createDepartmentRecords(hub.prisma, family.head.id, superseded);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: county.code });
  // The verification centre holds every item for 低保 checks, and the family has signed its authorisation.
  await grantEveryItem(hub.prisma, { consumerDepartmentId: civilAffairs.id });
  for (const member of [family.head, family.spouse, family.child])
    await createConsent(hub.prisma, { personId: member.id });
  return { county, family, current, superseded, records, oldRecords, civilAffairs };
}

beforeAll(async () => {
  fixture = await createFixture();
  const admin = await createUser(hub.prisma, { role: 'ADMIN', departmentId: fixture.civilAffairs.id });
  adminToken = await hub.logIn(admin.user.username, admin.password);
});

describe('person(idNumber:)', () => {
  it('shows an administrator the person, the household with its members, and every department branch', async () => {
    const { family, records } = fixture;
    const answer = await hub.graphql<{ person: Record<string, unknown> }>(PERSON_QUERY, {
      token: adminToken,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { idNumber: family.head.idNumber },
    });
    expect(answer.errors).toBeUndefined();
    const person = answer.data?.person as Record<string, Record<string, unknown>[]> & Record<string, unknown>;
    expect(person).toMatchObject({
      idNumber: family.head.idNumber,
      sex: 'MALE',
      birthDate: family.head.birthDate.toISOString().slice(0, 10),
      relation: 'HEAD',
      household: {
        address: family.household.address,
        areaType: 'URBAN',
        region: { code: fixture.county.code },
        members: [
          { idNumber: family.head.idNumber, relation: 'HEAD' },
          { idNumber: family.spouse.idNumber, relation: 'SPOUSE' },
          { idNumber: family.child.idNumber, relation: 'CHILD' },
        ],
      },
      hukou: [{ hukouNumber: records.hukou.hukouNumber, status: 'ACTIVE' }],
      vehicles: [{ plateNumber: records.vehicle.plateNumber, estimatedValueFen: '9007199254740993' }],
      properties: [{ areaM2: '89.5', use: 'RESIDENTIAL' }],
      employment: [{ monthlyWageFen: 320_000 }],
      pensions: [{ monthlyAmountFen: 18_500 }],
      unemploymentBenefits: [{ monthlyAmountFen: 150_000, endsOn: '2024-12-31' }],
      housingFund: [{ balanceFen: '1234567', contributionRate: '0.12', monthlyContributionFen: 76_800 }],
      bankAccounts: [{ balanceFen: '5000000', depositType: 'TIME' }],
      wealthProducts: [{ marketValueFen: '2000000' }],
      businesses: [{ enterpriseName: '兴庆区某便利店', registeredCapitalFen: '10000000' }],
      marriages: [{ spouseName: '李某', event: 'MARRIAGE' }],
      disabilities: [{ grade: 2 }],
      death: null,
    });
  });

  it('gives every record its provenance: department, snapshot, dataset and date', async () => {
    const answer = await hub.graphql<{ person: Record<string, { provenance: Record<string, unknown> }[]> }>(
      PERSON_QUERY,
      { token: adminToken, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { idNumber: fixture.family.head.idNumber } },
    );
    const person = answer.data?.person ?? {};
    const expected = {
      hukou: 'HUKOU',
      vehicles: 'VEHICLE',
      properties: 'REAL_ESTATE',
      employment: 'EMPLOYMENT',
      pensions: 'PENSION',
      unemploymentBenefits: 'UNEMPLOYMENT_BENEFIT',
      housingFund: 'HOUSING_FUND',
      bankAccounts: 'BANK_DEPOSIT',
      wealthProducts: 'WEALTH_PRODUCT',
      businesses: 'BUSINESS_REGISTRATION',
      marriages: 'MARRIAGE',
      disabilities: 'DISABILITY',
    } as const;
    for (const [branch, dataset] of Object.entries(expected)) {
      const snapshot = fixture.current[dataset];
      const department = await hub.prisma.department.findUniqueOrThrow({ where: { id: snapshot.departmentId } });
      expect(person[branch]?.[0]?.provenance, branch).toEqual({
        department: { code: department.code, name: department.name, kind: department.kind },
        snapshotId: snapshot.id,
        dataset,
        asOf: '2024-06-30',
      });
    }
  });

  it('hides the records of a superseded snapshot', async () => {
    const answer = await hub.graphql<{ person: Record<string, { provenance: { snapshotId: string } }[]> }>(
      PERSON_QUERY,
      { token: adminToken, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { idNumber: fixture.family.head.idNumber } },
    );
    const supersededIds = new Set(Object.values(fixture.superseded).map((snapshot) => snapshot.id));
    const shown = Object.values(answer.data?.person ?? {})
      .filter(Array.isArray)
      .flat()
      .flatMap((record) => (record.provenance ? [record.provenance.snapshotId] : []));
    expect(shown).toHaveLength(12);
    expect(shown.filter((id) => supersededIds.has(id))).toEqual([]);
    expect(JSON.stringify(answer.data)).not.toContain(fixture.oldRecords.vehicle.plateNumber);
  });

  it('shows a death from its cremation record and the hukou cancelled for it', async () => {
    const deceased = await createPerson(hub.prisma, { householdId: fixture.family.household.id, relation: 'PARENT' });
    await createDeathRecords(hub.prisma, deceased.id, fixture.current);
    const answer = await hub.graphql(
      `query ($idNumber: String!) { person(idNumber: $idNumber) {
        death { diedOn cremations { funeralHome crematedOn } hukouCancellations { cancelledOn cancellationReason } }
      } }`,
      { token: adminToken, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { idNumber: deceased.idNumber } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      person: {
        death: {
          diedOn: '2024-03-10',
          cremations: [{ funeralHome: '银川市殡仪馆', crematedOn: '2024-03-13' }],
          hukouCancellations: [{ cancelledOn: '2024-03-20', cancellationReason: 'DEATH' }],
        },
      },
    });
  });

  it('answers null for a valid identity number the hub does not know', async () => {
    const { idNumber } = uniqueIdNumber();
    const answer = await hub.graphql(PERSON_QUERY, {
      token: adminToken,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { idNumber },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ person: null });
  });

  it.each([
    ['a wrong check character', '110105194912310021', 'CHECK_CHARACTER', /check character/],
    ['an impossible birth date', '110105194902300027', 'BIRTH_DATE', /birth date 19490230/],
    ['too few characters', '1101051949123100', 'FORMAT', /17 digits/],
  ])(
    'rejects an identity number with %s as BAD_USER_INPUT/INVALID_ID_NUMBER',
    async (_case, idNumber, problem, message) => {
      const answer = await hub.graphql(PERSON_QUERY, {
        token: adminToken,
        purpose: 'MINIMUM_LIVING_GUARANTEE',
        variables: { idNumber },
      });
      expect(answer.data).toEqual({ person: null });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]).toMatchObject({
        path: ['person'],
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ID_NUMBER', problem },
      });
      expect(answer.errors?.[0]?.message).toMatch(message);
    },
  );
});
