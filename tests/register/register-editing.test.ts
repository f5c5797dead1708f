import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion, createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

type Hub = Awaited<ReturnType<typeof startTestApp>>;
let hub: Hub;
let officer: string;
let housingOfficer: string;
let townshipCode: string;
let otherCountyCode: string;
const purpose = 'MINIMUM_LIVING_GUARANTEE';

const REGISTER = `mutation ($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) {
    id registerNumber address members { idNumber name sex birthDate relation }
    memberships { person { idNumber } relation validFrom validTo }
  }
}`;
const ADD = `mutation ($householdId: ID!, $member: RegisterMemberInput!, $joinedOn: Date!) {
  addHouseholdMember(householdId: $householdId, member: $member, joinedOn: $joinedOn) {
    members { idNumber } memberships { person { idNumber } validFrom validTo }
  }
}`;
const END = `mutation ($householdId: ID!, $idNumber: String!, $leftOn: Date!) {
  endHouseholdMembership(householdId: $householdId, idNumber: $idNumber, leftOn: $leftOn) {
    members { idNumber } memberships { person { idNumber } validFrom validTo }
  }
}`;
const RECORD_CASE = `mutation ($input: RecordAssistanceCaseInput!) {
  recordAssistanceCase(input: $input) {
    id caseNumber kind status startedOn gracePeriodStartedOn gracePeriodEndsOn singlePerson { idNumber }
  }
}`;
const UPDATE_CASE = `mutation ($id: ID!, $input: UpdateAssistanceCaseInput!) {
  updateAssistanceCase(id: $id, input: $input) { id status endedOn }
}`;

const person = (sex: 'MALE' | 'FEMALE', birthYear = 1970) => uniqueIdNumber({ regionCode: '640104', sex, birthYear });

function householdInput(members: { idNumber: string; name: string; relation: string }[], extra = {}) {
  return {
    regionCode: townshipCode,
    areaType: 'RURAL',
    address: '兴庆区掌政镇民乐村12号',
    validFrom: '2024-01-01',
    members,
    ...extra,
  };
}

beforeAll(async () => {
  const database = await createTestDatabase();
  hub = await startTestApp(database.url);
  const tree = await createRegionTree(hub.prisma);
  townshipCode = tree.township.code;
  otherCountyCode = tree.otherCounty.code;
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: tree.city.code });
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: tree.city.code });
  const staff = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: civilAffairs.id });
  const outsider = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: housing.id });
  officer = await hub.logIn(staff.user.username, staff.password);
  housingOfficer = await hub.logIn(outsider.user.username, outsider.password);
  await hub.prisma.assistanceStandard.create({
    data: {
      regionCode: tree.city.code,
      year: 2025,
      effectiveFrom: new Date(Date.UTC(2025, 0, 1)),
      areaType: 'RURAL',
      minimumLivingMonthlyFen: 80_000,
      gracePeriodMonths: 12,
    },
  });
});

describe('the civil-affairs register, edited through GraphQL', () => {
  it('registers a household with its members, taking sex and birth date from their identity numbers', async () => {
    const head = person('MALE', 1968);
    const spouse = person('FEMALE', 1971);
    const answer = await hub.graphql<{ registerHousehold: Record<string, unknown> }>(REGISTER, {
      token: officer,
      purpose,
      variables: {
        input: householdInput(
          [
            { idNumber: head.idNumber, name: '王建国', relation: 'HEAD' },
            { idNumber: spouse.idNumber, name: '李秀兰', relation: 'SPOUSE' },
          ],
          { registerNumber: 'HH-640104-0001' },
        ),
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.registerHousehold).toMatchObject({
      registerNumber: 'HH-640104-0001',
      members: expect.arrayContaining([
        {
          idNumber: head.idNumber,
          name: '王建国',
          sex: 'MALE',
          birthDate: head.birthDate.toISOString().slice(0, 10),
          relation: 'HEAD',
        },
        expect.objectContaining({ idNumber: spouse.idNumber, sex: 'FEMALE', relation: 'SPOUSE' }),
      ]),
      memberships: expect.arrayContaining([
        { person: { idNumber: head.idNumber }, relation: 'HEAD', validFrom: '2024-01-01', validTo: null },
      ]),
    });
  });

  it('reports every problem of a household at once and saves nothing', async () => {
    const before = await hub.prisma.household.count();
    const persons = await hub.prisma.person.count();
    const answer = await hub.graphql(REGISTER, {
      token: officer,
      purpose,
      variables: {
        input: householdInput(
          [
            { idNumber: person('MALE').idNumber, name: '张三', relation: 'HEAD' },
            { idNumber: '640104197001011234', name: '', relation: 'HEAD' },
          ],
          { address: ' ' },
        ),
      },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const fields = ((answer.errors?.[0]?.extensions?.fields ?? []) as { field: string; problem: string }[]).map(
      (entry) => `${entry.field} ${entry.problem}`,
    );
    expect(fields.sort()).toEqual([
      'address BLANK_VALUE',
      'members ONE_HEAD_REQUIRED',
      'members[1].idNumber INVALID_ID_CHECK_CHARACTER',
      'members[1].name BLANK_VALUE',
    ]);
    expect(await hub.prisma.household.count()).toBe(before);
    expect(await hub.prisma.person.count()).toBe(persons);
  });

  it('refuses a person who belongs to another household, leaving both as they were', async () => {
    const head = person('MALE');
    const first = await hub.graphql<{ registerHousehold: { id: string } }>(REGISTER, {
      token: officer,
      purpose,
      variables: { input: householdInput([{ idNumber: head.idNumber, name: '赵一', relation: 'HEAD' }]) },
    });
    const before = await hub.prisma.household.count();
    const second = await hub.graphql(REGISTER, {
      token: officer,
      purpose,
      variables: {
        input: householdInput([
          { idNumber: person('MALE').idNumber, name: '赵二', relation: 'HEAD' },
          { idNumber: head.idNumber, name: '赵一', relation: 'SIBLING' },
        ]),
      },
    });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEMBER_OF_ANOTHER_HOUSEHOLD',
      householdId: first.data?.registerHousehold.id,
    });
    expect(await hub.prisma.household.count()).toBe(before);
  });

  it('keeps the history of a changing composition, and a run as of a date counts the members of that date', async () => {
    const head = person('MALE', 1960);
    const daughter = person('FEMALE', 2000);
    const grandson = person('MALE', 2024);
    const registered = await hub.graphql<{ registerHousehold: { id: string } }>(REGISTER, {
      token: officer,
      purpose,
      variables: {
        input: householdInput([
          { idNumber: head.idNumber, name: '马福', relation: 'HEAD' },
          { idNumber: daughter.idNumber, name: '马兰', relation: 'CHILD' },
        ]),
      },
    });
    const householdId = registered.data?.registerHousehold.id as string;
    const left = await hub.graphql(END, {
      token: officer,
      purpose,
      variables: { householdId, idNumber: daughter.idNumber, leftOn: '2025-03-01' },
    });
    expect(left.errors).toBeUndefined();
    const added = await hub.graphql<{
      addHouseholdMember: { members: { idNumber: string }[]; memberships: unknown[] };
    }>(ADD, {
      token: officer,
      purpose,
      variables: {
        householdId,
        member: { idNumber: grandson.idNumber, name: '马小宝', relation: 'GRANDCHILD' },
        joinedOn: '2025-05-01',
      },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addHouseholdMember.members.map((member) => member.idNumber).sort()).toEqual(
      [head.idNumber, grandson.idNumber].sort(),
    );
    const byStart = (a: { validFrom: string; person: { idNumber: string } }, b: typeof a) =>
      (a.validFrom + a.person.idNumber).localeCompare(b.validFrom + b.person.idNumber);
    const memberships = added.data?.addHouseholdMember.memberships as Parameters<typeof byStart>[0][];
    expect([...memberships].sort(byStart)).toEqual(
      [
        { person: { idNumber: head.idNumber }, validFrom: '2024-01-01', validTo: null },
        { person: { idNumber: daughter.idNumber }, validFrom: '2024-01-01', validTo: '2025-03-01' },
        { person: { idNumber: grandson.idNumber }, validFrom: '2025-05-01', validTo: null },
      ].sort(byStart),
    );

    const counted = async (asOf: string) => {
      const started = await hub.graphql<{ startComparisonRun: { id: string } }>(
        'mutation ($input: StartComparisonRunInput!) { startComparisonRun(input: $input) { id } }',
        { token: officer, variables: { input: { kind: 'APPLICATION', asOf, householdIds: [householdId] } } },
      );
      expect(started.errors).toBeUndefined();
      const runId = started.data?.startComparisonRun.id as string;
      for (;;) {
        const run = await hub.prisma.comparisonRun.findUniqueOrThrow({ where: { id: runId } });
        expect(run.status).not.toBe('FAILED');
        if (run.status === 'COMPLETED') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const assessment = await hub.prisma.householdAssessment.findUniqueOrThrow({
        where: { runId_householdId: { runId, householdId } },
      });
      return assessment.countedMembers;
    };
    expect(await counted('2025-02-15')).toBe(2); // head and daughter
    expect(await counted('2025-04-01')).toBe(1); // the daughter has left, the grandson not yet come
    expect(await counted('2025-06-01')).toBe(2); // head and grandson
  });

  it('records a case in its grace period with the end the region’s standard gives, and closes a terminated one', async () => {
    const head = person('MALE', 1965);
    const disabled = person('FEMALE', 1990);
    const registered = await hub.graphql<{ registerHousehold: { id: string } }>(REGISTER, {
      token: officer,
      purpose,
      variables: {
        input: householdInput([
          { idNumber: head.idNumber, name: '杨山', relation: 'HEAD' },
          { idNumber: disabled.idNumber, name: '杨梅', relation: 'CHILD' },
        ]),
      },
    });
    const householdId = registered.data?.registerHousehold.id as string;
    const recorded = await hub.graphql<{ recordAssistanceCase: { id: string } }>(RECORD_CASE, {
      token: officer,
      purpose,
      variables: {
        input: {
          householdId,
          caseNumber: `DB-${householdId.slice(0, 8)}`,
          kind: 'MINIMUM_LIVING_GUARANTEE',
          status: 'GRACE_PERIOD',
          startedOn: '2024-03-01',
          monthlyAmountFen: 42_000,
          singlePersonIdNumber: disabled.idNumber,
          gracePeriodStartedOn: '2025-02-01',
        },
      },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordAssistanceCase).toMatchObject({
      status: 'GRACE_PERIOD',
      gracePeriodStartedOn: '2025-02-01',
      gracePeriodEndsOn: '2026-01-31',
      singlePerson: { idNumber: disabled.idNumber },
    });
    const id = recorded.data?.recordAssistanceCase.id as string;
    const ended = await hub.graphql(UPDATE_CASE, {
      token: officer,
      purpose,
      variables: { id, input: { status: 'TERMINATED', endedOn: '2026-01-31' } },
    });
    expect(ended.errors).toBeUndefined();
    const again = await hub.graphql(UPDATE_CASE, {
      token: officer,
      purpose,
      variables: { id, input: { monthlyAmountFen: 1 } },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses a case whose single person is not a member, or whose grace period has no start', async () => {
    const head = person('MALE');
    const registered = await hub.graphql<{ registerHousehold: { id: string } }>(REGISTER, {
      token: officer,
      purpose,
      variables: { input: householdInput([{ idNumber: head.idNumber, name: '钱一', relation: 'HEAD' }]) },
    });
    const householdId = registered.data?.registerHousehold.id as string;
    const base = { householdId, kind: 'MINIMUM_LIVING_GUARANTEE', startedOn: '2025-01-01', monthlyAmountFen: 100 };
    const noStart = await hub.graphql(RECORD_CASE, {
      token: officer,
      purpose,
      variables: { input: { ...base, status: 'GRACE_PERIOD', monthlyAmountFen: -5 } },
    });
    expect(noStart.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'monthlyAmountFen', problem: 'NEGATIVE_AMOUNT' }),
      expect.objectContaining({ field: 'gracePeriodStartedOn', problem: 'MISSING_VALUE' }),
    ]);
    const stranger = await hub.graphql(RECORD_CASE, {
      token: officer,
      purpose,
      variables: { input: { ...base, status: 'ACTIVE', singlePersonIdNumber: person('FEMALE').idNumber } },
    });
    expect(stranger.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'singlePersonIdNumber', problem: 'NOT_A_MEMBER' }),
    ]);
    expect(await hub.prisma.assistanceCase.count({ where: { householdId } })).toBe(0);
  });

  it('corrects a household’s region and address, within reach, keeping its members', async () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdateHouseholdInput!) {
      updateHousehold(id: $id, input: $input) { id address areaType registerNumber region { code } memberCount }
    }`;
    const head = person('MALE', 1966);
    const registered = await hub.graphql<{ registerHousehold: { id: string } }>(REGISTER, {
      token: officer,
      purpose,
      variables: { input: householdInput([{ idNumber: head.idNumber, name: '钱一', relation: 'HEAD' }]) },
    });
    const id = registered.data?.registerHousehold.id as string;
    const moved = await hub.graphql<{ updateHousehold: Record<string, unknown> }>(UPDATE, {
      token: officer,
      purpose,
      variables: { id, input: { regionCode: otherCountyCode, address: '新址 8 号', registerNumber: 'HH-UPD-1' } },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateHousehold).toEqual({
      id,
      address: '新址 8 号',
      areaType: 'RURAL',
      registerNumber: 'HH-UPD-1',
      region: { code: otherCountyCode },
      memberCount: 1,
    });

    const elsewhere = await createRegion(hub.prisma, { level: 'CITY' });
    const outside = await hub.graphql(UPDATE, {
      token: officer,
      purpose,
      variables: { id, input: { regionCode: elsewhere.code } },
    });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const blank = await hub.graphql(UPDATE, { token: officer, purpose, variables: { id, input: { address: '  ' } } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'address', problem: 'BLANK_VALUE' })],
    });
    const refused = await hub.graphql(UPDATE, {
      token: housingOfficer,
      purpose,
      variables: { id, input: { address: '别处' } },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const household = await hub.prisma.household.findUniqueOrThrow({ where: { id } });
    expect(household).toMatchObject({ regionCode: otherCountyCode, address: '新址 8 号' });
  });

  it('lets only civil-affairs staff edit the register', async () => {
    const answer = await hub.graphql(REGISTER, {
      token: housingOfficer,
      purpose,
      variables: { input: householdInput([{ idNumber: person('MALE').idNumber, name: '孙一', relation: 'HEAD' }]) },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await hub.graphql(REGISTER, {
      purpose,
      variables: { input: householdInput([{ idNumber: person('MALE').idNumber, name: '孙二', relation: 'HEAD' }]) },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
