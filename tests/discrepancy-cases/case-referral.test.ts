import { describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { createDiscrepancyCase } from '../factories/discrepancy-cases.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const { county, township } = await createRegionTree(hub.prisma);
const office = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: township.code });
const bureau = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: county.code });
const medical = await createDepartment(hub.prisma, { kind: 'MEDICAL_INSURANCE', regionCode: county.code });
const otherMedical = await createDepartment(hub.prisma, { kind: 'MEDICAL_INSURANCE', regionCode: county.code });
const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: county.code });

const referralAgreement = (consumerDepartmentId: string) =>
  createAgreement(hub.prisma, {
    consumerDepartmentId,
    providerDepartmentId: bureau.id,
    purposes: ['CASE_REFERRAL'],
    items: { CASE_REFERRAL: 'MASKED' },
  });
const agreement = await referralAgreement(medical.id);
await referralAgreement(otherMedical.id);
// HOUSING's agreement is for housing subsidies, not for referrals: it does not cover them.
await createAgreement(hub.prisma, {
  consumerDepartmentId: housing.id,
  providerDepartmentId: bureau.id,
  purposes: ['HOUSING_SUBSIDY'],
  items: { CASE_REFERRAL: 'MASKED' },
});

const { user: officerUser, password } = await createUser(hub.prisma, {
  role: 'VERIFICATION_OFFICER',
  departmentId: office.id,
});
const officer = await hub.logIn(officerUser.username, password);
const tokens = {
  medical: await createPartnerToken(hub.prisma, medical.id),
  otherMedical: await createPartnerToken(hub.prisma, otherMedical.id),
  housing: await createPartnerToken(hub.prisma, housing.id),
};

const REFER = `mutation ($id: ID!, $input: ReferDiscrepancyCaseInput!) {
  referDiscrepancyCase(id: $id, input: $input) {
    status referrals { departmentName needs reason status answer } events { type actorName details } } }`;
const REFERRALS = `query MedicalReferrals {
  caseReferrals { id regionCode regionName headName needs reason status answer } }`;
const ANSWER = `mutation AnswerReferral ($id: ID!, $input: AnswerCaseReferralInput!) {
  answerCaseReferral(id: $id, input: $input) { id status answer } }`;
const CASE = `query ($id: ID!) {
  discrepancyCase(id: $id) { status referrals { status answer answeredAt } events { type actorName details } } }`;

const codeOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  errors?.map((error) => [error.extensions?.code, error.extensions?.reason]);

async function referredCase() {
  const opened = await createDiscrepancyCase(hub.prisma, { townshipCode: township.code, dueOn: '2027-01-15' });
  const referred = await hub.graphql<{ referDiscrepancyCase: { status: string; events: { type: string }[] } }>(REFER, {
    token: officer,
    variables: { id: opened.case.id, input: { departmentId: medical.id, needs: ['MEDICAL'], reason: '户主患慢性病' } },
  });
  expect(referred.errors).toBeUndefined();
  return { ...opened, referred: referred.data?.referDiscrepancyCase };
}

async function referralsOf(token: string, purpose = 'CASE_REFERRAL') {
  return hub.graphql<{ caseReferrals: { id: string; headName: string; regionCode: string }[] | null }>(REFERRALS, {
    token,
    purpose,
  });
}

describe('referral (转介) of a case’s household to another department', () => {
  it('records the referral on the case, its status unchanged, with the REFERRED event', async () => {
    const { referred } = await referredCase();
    expect(referred).toMatchObject({
      status: 'OPEN',
      referrals: [
        { departmentName: medical.name, needs: ['MEDICAL'], reason: '户主患慢性病', status: 'REFERRED', answer: null },
      ],
    });
    expect((referred?.events ?? []).map((event) => event.type)).toEqual(['OPENED', 'REFERRED']);
  });

  it('refuses a department that does not give the help, civil affairs, and a second referral to one department', async () => {
    const { case: opened } = await referredCase();
    const refer = (departmentId: string, needs: string[]) =>
      hub.graphql(REFER, { token: officer, variables: { id: opened.id, input: { departmentId, needs, reason: 'x' } } });
    expect(codeOf((await refer(housing.id, ['MEDICAL'])).errors)).toEqual([
      ['BAD_USER_INPUT', 'DEPARTMENT_CANNOT_HELP'],
    ]);
    expect(codeOf((await refer(bureau.id, ['EDUCATION'])).errors)).toEqual([
      ['BAD_USER_INPUT', 'DEPARTMENT_CANNOT_HELP'],
    ]);
    expect(codeOf((await refer(medical.id, ['MEDICAL'])).errors)).toEqual([['CONFLICT', 'ALREADY_REFERRED']]);
  });

  it('shows the department its referrals under its CASE_REFERRAL agreement: the head masked, the region, the needs', async () => {
    const { case: opened, head } = await referredCase();
    const answer = await referralsOf(tokens.medical);
    expect(answer.errors).toBeUndefined();
    const masked = `${[...head.name][0]}${'*'.repeat([...head.name].length - 1)}`;
    const referral = answer.data?.caseReferrals?.find((found) => found.headName === masked);
    expect(referral).toMatchObject({
      regionCode: township.code,
      regionName: township.name,
      needs: ['MEDICAL'],
      reason: '户主患慢性病',
    });
    expect(JSON.stringify(answer.data)).not.toContain(head.name);
    expect(JSON.stringify(answer.data)).not.toContain(head.idNumber);
    expect(JSON.stringify(answer.data)).not.toContain(opened.id);
  });

  it('audits each disclosure: one entry per household, naming the item and the agreement', async () => {
    const { household } = await referredCase();
    await referralsOf(tokens.medical);
    const entries = await hub.prisma.auditEntry.findMany({
      where: { departmentId: medical.id, operation: 'MedicalReferrals', subjectHouseholdId: household.id },
    });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]).toMatchObject({
      actorKind: 'API_CLIENT',
      purpose: 'CASE_REFERRAL',
      itemsDisclosed: ['CASE_REFERRAL'],
      agreementIds: [agreement.id],
      decision: 'ALLOWED',
    });
  });

  it('refuses a department without an agreement for referrals, or asking under another purpose, and discloses nothing', async () => {
    await referredCase();
    for (const [token, purpose] of [
      [tokens.housing, 'CASE_REFERRAL'],
      [tokens.housing, 'HOUSING_SUBSIDY'],
      [tokens.medical, 'MEDICAL_ASSISTANCE'],
    ] as const) {
      const refused = await referralsOf(token, purpose);
      expect(codeOf(refused.errors)).toEqual([['FORBIDDEN', 'NO_AGREEMENT']]);
      expect(refused.data).toBeNull();
    }
    const denied = await hub.prisma.auditEntry.findMany({
      where: { departmentId: housing.id, operation: 'MedicalReferrals' },
    });
    expect(denied).toHaveLength(2);
    expect(denied.every((entry) => entry.decision === 'DENIED' && entry.itemsDenied.includes('CASE_REFERRAL'))).toBe(
      true,
    );
  });

  it('refuses officers and asks for the purpose', async () => {
    expect(codeOf((await referralsOf(officer)).errors)).toEqual([['FORBIDDEN', undefined]]);
    const undeclared = await hub.graphql(REFERRALS, { token: tokens.medical });
    expect(codeOf(undeclared.errors)).toEqual([['BAD_USER_INPUT', 'PURPOSE_REQUIRED']]);
  });

  it('lets another department neither see nor answer a referral made to one department', async () => {
    await referredCase();
    const mine = (await referralsOf(tokens.medical)).data?.caseReferrals ?? [];
    const theirs = (await referralsOf(tokens.otherMedical)).data?.caseReferrals;
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs).toEqual([]);
    const answered = await hub.graphql(ANSWER, {
      token: tokens.otherMedical,
      purpose: 'CASE_REFERRAL',
      variables: { id: mine[0]?.id, input: { status: 'DONE', text: '已救助' } },
    });
    expect(codeOf(answered.errors)).toEqual([['NOT_FOUND', undefined]]);
  });

  it('takes the department’s answer, which the office sees on the case and its timeline', async () => {
    const { case: opened } = await referredCase();
    const referralId = (
      await hub.prisma.caseReferral.findFirstOrThrow({ where: { caseId: opened.id, departmentId: medical.id } })
    ).id;
    const answer = (status: string, text: string) =>
      hub.graphql<{ answerCaseReferral: { status: string; answer: string } }>(ANSWER, {
        token: tokens.medical,
        purpose: 'CASE_REFERRAL',
        variables: { id: referralId, input: { status, text } },
      });
    expect((await answer('ACCEPTED', '已受理，启动医疗救助')).data?.answerCaseReferral).toMatchObject({
      status: 'ACCEPTED',
    });
    expect((await answer('DONE', '已纳入医疗救助，报销比例提高')).data?.answerCaseReferral).toMatchObject({
      status: 'DONE',
      answer: '已纳入医疗救助，报销比例提高',
    });
    expect(codeOf((await answer('DECLINED', '不予办理')).errors)).toEqual([['CONFLICT', 'INVALID_TRANSITION']]);
    const seen = await hub.graphql<{
      discrepancyCase: { referrals: { status: string; answer: string }[]; events: { type: string; details: string }[] };
    }>(CASE, { token: officer, variables: { id: opened.id } });
    expect(seen.data?.discrepancyCase.referrals).toMatchObject([
      { status: 'DONE', answer: '已纳入医疗救助，报销比例提高' },
    ]);
    const answers = seen.data?.discrepancyCase.events.filter((event) => event.type === 'REFERRAL_ANSWERED') ?? [];
    expect(answers.map((event) => JSON.parse(event.details).status)).toEqual(['ACCEPTED', 'DONE']);
    const chained = await hub.prisma.auditEntry.findMany({
      where: { event: 'DISCREPANCY_CASE_STEP', actorKind: 'API_CLIENT', departmentId: medical.id },
    });
    const ofThisCase = chained.filter((entry) => (entry.change as { caseId: string }).caseId === opened.id);
    expect(ofThisCase.map((entry) => (entry.change as { caseEventType: string }).caseEventType)).toEqual([
      'REFERRAL_ANSWERED',
      'REFERRAL_ANSWERED',
    ]);
  });
});
