import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createSnapshot } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber, uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

type Hub = Awaited<ReturnType<typeof startTestApp>>;
let hub: Hub;
let office: string;
let otherOffice: string;
let centre: string;
let townshipCode: string;
const scan = Buffer.from('%PDF-1.4 授权书 signed by every adult member');

const SUBMIT = `mutation ($input: SubmitVerificationRequestInput!) {
  submitVerificationRequest(input: $input) {
    id reference status kind householdId authorisationSha256
    members { idNumber relation isSeverelyDisabled signedAuthorisation }
  }
}`;
const CHECK = `mutation ($ids: [ID!]!, $asOf: Date) { checkVerificationRequests(requestIds: $ids, asOf: $asOf) { id kind } }`;
const READ = `query ($id: ID!) {
  verificationRequest(id: $id) {
    status classification flags
    report { category memberIdNumber source declaredFen foundFen differenceFen evidence { dataset recordId amountFen } }
  }
}`;

function requestInput(overrides: Record<string, unknown> = {}) {
  const head = uniqueIdNumber({ regionCode: '640104', sex: 'MALE', birthYear: 1970 });
  const child = uniqueIdNumber({ regionCode: '640104', sex: 'FEMALE', birthYear: 2015 });
  return {
    head,
    child,
    input: {
      reference: `HQ-${uniqueNumber()}`,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      submittedOn: '2025-06-10',
      household: { regionCode: townshipCode, areaType: 'URBAN', address: '兴庆区胜利街8号' },
      members: [
        { idNumber: head.idNumber, name: '刘强', relation: 'HEAD' },
        { idNumber: child.idNumber, name: '刘小丽', relation: 'CHILD', isSeverelyDisabled: true },
      ],
      items: [
        { category: 'INCOME', memberIdNumber: head.idNumber, source: 'WAGE', amountFen: '150000' },
        { category: 'DEPOSIT', memberIdNumber: head.idNumber, source: '宁夏银行', amountFen: '0' },
        { category: 'RIGID_EXPENDITURE', source: 'MEDICAL', amountFen: '60000' },
      ],
      authorisation: {
        fileName: 'shouquanshu.pdf',
        mediaType: 'application/pdf',
        contentBase64: scan.toString('base64'),
        signedOn: '2025-06-01',
        signedBy: [head.idNumber],
      },
      ...overrides,
    },
  };
}

beforeAll(async () => {
  const database = await createTestDatabase();
  hub = await startTestApp(database.url);
  const tree = await createRegionTree(hub.prisma);
  townshipCode = tree.township.code;
  const centreDepartment = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: tree.city.code });
  const townshipOffice = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: tree.township.code });
  const neighbour = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: tree.otherCounty.code });
  const login = async (departmentId: string) => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    return hub.logIn(user.username, password);
  };
  centre = await login(centreDepartment.id);
  office = await login(townshipOffice.id);
  otherOffice = await login(neighbour.id);
  await hub.prisma.assistanceStandard.create({
    data: {
      regionCode: tree.city.code,
      year: 2025,
      effectiveFrom: new Date(Date.UTC(2025, 0, 1)),
      areaType: 'URBAN',
      minimumLivingMonthlyFen: 80_000,
    },
  });
});

describe('verification requests (核对申请)', () => {
  it('takes a township office’s request with its members, declared items and signed authorisation', async () => {
    const { head, child, input } = requestInput();
    const answer = await hub.graphql<{ submitVerificationRequest: Record<string, unknown> & { id: string } }>(SUBMIT, {
      token: office,
      variables: { input },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.submitVerificationRequest).toMatchObject({
      status: 'SUBMITTED',
      authorisationSha256: createHash('sha256').update(scan).digest('hex'),
      members: expect.arrayContaining([
        {
          idNumber: `${head.idNumber.slice(0, 6)}********${head.idNumber.slice(14)}`,
          relation: 'HEAD',
          isSeverelyDisabled: false,
          signedAuthorisation: true,
        },
      ]),
    });
    const person = await hub.prisma.person.findUniqueOrThrow({ where: { idNumber: head.idNumber } });
    const consents = await hub.prisma.consent.findMany({ where: { personId: person.id } });
    expect(consents).toEqual([
      expect.objectContaining({
        purposes: ['MINIMUM_LIVING_GUARANTEE', 'PERIODIC_REVIEW'],
        documentReference: expect.stringContaining(createHash('sha256').update(scan).digest('hex')),
      }),
    ]);
    const minor = await hub.prisma.person.findUniqueOrThrow({ where: { idNumber: child.idNumber } });
    expect(minor.householdId).toBe(answer.data?.submitVerificationRequest.householdId);
    const application = await hub.prisma.application.findFirstOrThrow({
      where: { householdId: minor.householdId ?? '' },
    });
    expect(application).toMatchObject({ medicalExpenseMonthlyFen: 60_000, educationExpenseMonthlyFen: 0 });
  });

  it('reports every problem of a request at once, and saves none of it', async () => {
    const { head, input } = requestInput();
    const before = await hub.prisma.verificationRequest.count();
    const persons = await hub.prisma.person.count();
    const answer = await hub.graphql(SUBMIT, {
      token: office,
      variables: {
        input: {
          ...input,
          members: [...input.members, { idNumber: '640104197001011234', name: '刘二', relation: 'SPOUSE' }],
          items: [
            { category: 'INCOME', memberIdNumber: head.idNumber, source: 'LOTTERY', amountFen: '100' },
            { category: 'VEHICLE', source: '宁A00001', amountFen: '-1' },
          ],
          authorisation: { ...input.authorisation, signedBy: [], mediaType: 'text/plain' },
        },
      },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const fields = ((answer.errors?.[0]?.extensions?.fields ?? []) as { field: string; problem: string }[]).map(
      (entry) => `${entry.field} ${entry.problem}`,
    );
    expect(fields.sort()).toEqual([
      'authorisation.mediaType INVALID_VALUE',
      'items[0].source INVALID_VALUE',
      'items[1].amountFen NEGATIVE_AMOUNT',
      'items[1].memberIdNumber MISSING_VALUE',
      'members[0].idNumber AUTHORISATION_NOT_SIGNED',
      'members[2].idNumber INVALID_ID_CHECK_CHARACTER',
    ]);
    expect(await hub.prisma.verificationRequest.count()).toBe(before);
    expect(await hub.prisma.person.count()).toBe(persons);
  });

  it('refuses a reference the office used before, and a household outside the office’s region', async () => {
    const first = requestInput();
    await hub.graphql(SUBMIT, { token: office, variables: { input: first.input } });
    const again = requestInput({ reference: first.input.reference });
    const answer = await hub.graphql(SUBMIT, { token: office, variables: { input: again.input } });
    expect(answer.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ problem: 'DUPLICATE_REFERENCE' }),
    ]);
    const outside = requestInput();
    const refused = await hub.graphql(SUBMIT, { token: otherOffice, variables: { input: outside.input } });
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ problem: 'OUTSIDE_REACH' })]);
  });

  it('is checked by the centre and answered with declared against found, item by item with its source', async () => {
    const { head, input } = requestInput();
    const submitted = await hub.graphql<{ submitVerificationRequest: { id: string } }>(SUBMIT, {
      token: office,
      variables: { input },
    });
    const id = submitted.data?.submitVerificationRequest.id as string;
    const person = await hub.prisma.person.findUniqueOrThrow({ where: { idNumber: head.idNumber } });
    const humanResources = await createDepartment(hub.prisma, { kind: 'HUMAN_RESOURCES', regionCode: townshipCode });
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: townshipCode });
    const employment = await createSnapshot(hub.prisma, { departmentId: humanResources.id, dataset: 'EMPLOYMENT' });
    const deposits = await createSnapshot(hub.prisma, { departmentId: bank.id, dataset: 'BANK_DEPOSIT' });
    const provenance = (snapshot: { id: string; departmentId: string; asOf: Date }) => ({
      personId: person.id,
      departmentId: snapshot.departmentId,
      snapshotId: snapshot.id,
      asOf: snapshot.asOf,
    });
    const wage = await hub.prisma.employmentRecord.create({
      data: {
        ...provenance(employment),
        employerName: '银川某公司',
        employerCode: '91640100MA76XXXX1A',
        startedOn: new Date('2024-01-01'),
        monthlyWageFen: 320_000,
      },
    });
    await hub.prisma.bankDeposit.create({
      data: {
        ...provenance(deposits),
        accountNumber: `62${uniqueNumber()}`,
        depositType: 'DEMAND',
        balanceFen: 5_000_000n,
        openedOn: new Date('2020-01-01'),
      },
    });
    const checked = await hub.graphql<{ checkVerificationRequests: { id: string; kind: string } }>(CHECK, {
      token: centre,
      variables: { ids: [id] },
    });
    expect(checked.errors).toBeUndefined();
    expect(checked.data?.checkVerificationRequests.kind).toBe('APPLICATION');
    let read = await hub.graphql<{ verificationRequest: Record<string, unknown> & { status: string } }>(READ, {
      token: office,
      variables: { id },
    });
    while (read.data?.verificationRequest.status === 'CHECKING') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      read = await hub.graphql(READ, { token: office, variables: { id } });
    }
    expect(read.errors).toBeUndefined();
    const masked = `${head.idNumber.slice(0, 6)}********${head.idNumber.slice(14)}`;
    expect(read.data?.verificationRequest).toMatchObject({
      status: 'REPORTED',
      classification: 'ABOVE_LINE',
      flags: expect.arrayContaining(['INCOME_ABOVE_STANDARD']),
      report: [
        {
          category: 'DEPOSIT',
          memberIdNumber: masked,
          source: '',
          declaredFen: '0',
          foundFen: '5000000',
          differenceFen: '5000000',
          evidence: [expect.objectContaining({ dataset: 'BANK_DEPOSIT', amountFen: '5000000' })],
        },
        {
          category: 'INCOME',
          memberIdNumber: masked,
          source: 'WAGE',
          declaredFen: '150000',
          foundFen: '320000',
          differenceFen: '170000',
          evidence: [{ dataset: 'EMPLOYMENT', recordId: wage.id, amountFen: '320000' }],
        },
        {
          category: 'RIGID_EXPENDITURE',
          memberIdNumber: null,
          source: 'MEDICAL',
          declaredFen: '60000',
          foundFen: null,
          differenceFen: null,
          evidence: [],
        },
      ],
    });
    const elsewhere = await hub.graphql(READ, { token: otherOffice, variables: { id } });
    expect(elsewhere.data?.verificationRequest).toBeNull();
  });

  it('asks to enrol a severely disabled member alone (单人户): the check assesses that member alone', async () => {
    const humanResources = await createDepartment(hub.prisma, { kind: 'HUMAN_RESOURCES', regionCode: townshipCode });
    const employment = await createSnapshot(hub.prisma, { departmentId: humanResources.id, dataset: 'EMPLOYMENT' });
    async function checked(alone: boolean) {
      const { head, child, input } = requestInput();
      const submitted = await hub.graphql<{ submitVerificationRequest: { id: string } }>(SUBMIT, {
        token: office,
        variables: { input: { ...input, singlePersonIdNumber: alone ? child.idNumber : null } },
      });
      expect(submitted.errors).toBeUndefined();
      const id = submitted.data?.submitVerificationRequest.id as string;
      const earner = await hub.prisma.person.findUniqueOrThrow({ where: { idNumber: head.idNumber } });
      await hub.prisma.employmentRecord.create({
        data: {
          personId: earner.id,
          departmentId: employment.departmentId,
          snapshotId: employment.id,
          asOf: employment.asOf,
          employerName: '银川某公司',
          employerCode: '91640100MA76XXXX1A',
          startedOn: new Date('2024-01-01'),
          monthlyWageFen: 320_000,
        },
      });
      const application = await hub.prisma.application.findFirstOrThrow({
        where: { verificationRequests: { some: { id } } },
        include: { singlePerson: true },
      });
      expect(application.singlePerson?.idNumber ?? null).toBe(alone ? child.idNumber : null);
      expect((await hub.graphql(CHECK, { token: centre, variables: { ids: [id] } })).errors).toBeUndefined();
      let read = await hub.graphql<{ verificationRequest: { status: string } }>(READ, {
        token: office,
        variables: { id },
      });
      while (read.data?.verificationRequest.status === 'CHECKING') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        read = await hub.graphql(READ, { token: office, variables: { id } });
      }
      return read.data?.verificationRequest;
    }
    // The father's wage of ¥3,200 puts the two of them above the ¥800 standard; the disabled daughter alone earns nothing.
    expect(await checked(true)).toMatchObject({ status: 'REPORTED', classification: 'MINIMUM_LIVING' });
    expect(await checked(false)).toMatchObject({
      status: 'REPORTED',
      classification: 'ABOVE_LINE',
      flags: expect.arrayContaining(['INCOME_ABOVE_STANDARD']),
    });
  });

  it.each([
    ['a member not declared severely disabled or critically ill', 'head', {}, 'NOT_SEVERELY_DISABLED_OR_ILL'],
    ['a request for another kind of assistance', 'child', { kind: 'LOW_INCOME' }, 'NOT_MINIMUM_LIVING'],
    ['no member of the request', 'stranger', {}, 'NOT_A_MEMBER'],
  ] as const)('refuses 单人户 for %s, and saves nothing', async (_case, who, overrides, problem) => {
    const { head, child, input } = requestInput(overrides);
    const stranger = uniqueIdNumber({ regionCode: '640104', birthYear: 1990 });
    const singlePersonIdNumber = { head, child, stranger }[who].idNumber;
    const before = await hub.prisma.verificationRequest.count();
    const answer = await hub.graphql(SUBMIT, {
      token: office,
      variables: { input: { ...input, singlePersonIdNumber } },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'singlePersonIdNumber', problem })],
    });
    expect(await hub.prisma.verificationRequest.count()).toBe(before);
  });

  it('keeps the kind of temporary assistance a request asks for, and refuses it on a request of another kind', async () => {
    const asking = requestInput({ kind: 'TEMPORARY_ASSISTANCE', temporaryAssistanceType: 'EXPENDITURE' });
    const answer = await hub.graphql<{ submitVerificationRequest: { id: string } }>(SUBMIT, {
      token: office,
      variables: { input: asking.input },
    });
    expect(answer.errors).toBeUndefined();
    const application = await hub.prisma.application.findFirstOrThrow({
      where: { verificationRequests: { some: { id: answer.data?.submitVerificationRequest.id } } },
    });
    expect(application).toMatchObject({ kind: 'TEMPORARY_ASSISTANCE', temporaryAssistanceType: 'EXPENDITURE' });

    const before = await hub.prisma.verificationRequest.count();
    const wrong = requestInput({ temporaryAssistanceType: 'EMERGENCY' });
    const refused = await hub.graphql(SUBMIT, { token: office, variables: { input: wrong.input } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'temporaryAssistanceType', problem: 'NOT_TEMPORARY_ASSISTANCE' })],
    });
    expect(await hub.prisma.verificationRequest.count()).toBe(before);
  });

  it('takes a batch file line by line: saves the good requests whole and names each problem of the others', async () => {
    const good = requestInput();
    const bad = requestInput({ kind: 'FREE_MONEY' });
    const body = [JSON.stringify(good.input), '{not json', JSON.stringify(bad.input)].join('\n');
    const before = await hub.prisma.verificationRequest.count();
    const response = await fetch(`${hub.url}/verification-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      accepted: { line: number }[];
      rejected: { line: number; problems: { field: string; problem: string }[] }[];
    };
    expect(answer.accepted.map((entry) => entry.line)).toEqual([1]);
    expect(answer.rejected).toEqual([
      { line: 2, problems: [expect.objectContaining({ problem: 'MALFORMED_JSON' })] },
      { line: 3, problems: [expect.objectContaining({ field: 'kind', problem: 'INVALID_VALUE' })] },
    ]);
    expect(await hub.prisma.verificationRequest.count()).toBe(before + 1);
  });
});
