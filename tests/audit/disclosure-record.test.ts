import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => pool.end());

const RECORD = `query ($idNumber: String!) { disclosuresAbout(idNumber: $idNumber) {
  occurredAt departmentName actorKind purpose items { code nameZh } aboutHousehold agreementCodes consentReferences } }`;

interface Disclosure {
  departmentName: string;
  purpose: string;
  items: { code: string; nameZh: string }[];
  aboutHousehold: boolean;
  agreementCodes: string[];
  consentReferences: string[];
}

let family: Awaited<ReturnType<typeof createHousehold>>;
let stranger: Awaited<ReturnType<typeof createHousehold>>;
let housing: { id: string; name: string };
let agreementCode: string;
let consentReference: string;
const tokens = { officer: '', auditor: '', elsewhere: '' };

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  const otherRegion = await createRegion(hub.prisma);
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  const otherCentre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: otherRegion.code });
  housing = await createDepartment(hub.prisma, {
    kind: 'HOUSING',
    regionCode: region.code,
    name: '市住房和城乡建设局',
  });
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  stranger = await createHousehold(hub.prisma, { regionCode: region.code });
  const agreement = await createAgreement(hub.prisma, {
    providerDepartmentId: centre.id,
    consumerDepartmentId: housing.id,
    items: { PERSON_IDENTITY: 'MASKED', HOUSEHOLD_COMPOSITION: 'FULL' },
  });
  agreementCode = agreement.code;
  const consent = await createConsent(hub.prisma, {
    personId: family.head.id,
    purposes: ['HOUSING_SUBSIDY'],
    departmentId: housing.id,
  });
  consentReference = consent.documentReference;
  for (const [who, role, departmentId] of [
    ['officer', 'VERIFICATION_OFFICER', centre.id],
    ['auditor', 'AUDITOR', centre.id],
    ['elsewhere', 'VERIFICATION_OFFICER', otherCentre.id],
  ] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    tokens[who] = await hub.logIn(user.username, password);
  }
  const byHousing = {
    actorKind: 'API_CLIENT' as const,
    actorName: 'hc_housing',
    departmentId: housing.id,
    purpose: 'HOUSING_SUBSIDY' as const,
    agreementIds: [agreement.id],
  };
  const writer = createAuditWriter(db.url);
  await writer.write([
    auditEntryDraft({ ...byHousing, subjectPersonId: family.head.id, itemsDisclosed: ['PERSON_IDENTITY'] }),
    auditEntryDraft({
      ...byHousing,
      subjectHouseholdId: family.household.id,
      itemsDisclosed: ['HOUSEHOLD_COMPOSITION'],
    }),
    // Refused outright: nothing was disclosed, so it is not in the record.
    auditEntryDraft({
      ...byHousing,
      subjectPersonId: family.head.id,
      itemsDenied: ['BANK_DEPOSITS'],
      decision: 'DENIED',
    }),
    // About someone else: never in this person's record.
    auditEntryDraft({ ...byHousing, subjectPersonId: stranger.head.id, itemsDisclosed: ['PERSON_IDENTITY'] }),
  ]);
  await writer.close();
});

describe('who looked at me (查询记录)', () => {
  it('lists every disclosure about the person and their household, with department, purpose, items and grounds', async () => {
    const answer = await hub.graphql<{ disclosuresAbout: Disclosure[] }>(RECORD, {
      token: tokens.officer,
      variables: { idNumber: family.head.idNumber },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.disclosuresAbout).toEqual([
      expect.objectContaining({
        departmentName: housing.name,
        purpose: 'HOUSING_SUBSIDY',
        items: [{ code: 'HOUSEHOLD_COMPOSITION', nameZh: expect.any(String) }],
        aboutHousehold: true,
        agreementCodes: [agreementCode],
      }),
      expect.objectContaining({
        items: [{ code: 'PERSON_IDENTITY', nameZh: expect.any(String) }],
        aboutHousehold: false,
        agreementCodes: [agreementCode],
        consentReferences: [consentReference],
      }),
    ]);
  });

  it('answers auditors too, and records the look in the person’s own trail', async () => {
    const answer = await hub.graphql<{ disclosuresAbout: Disclosure[] }>(RECORD, {
      token: tokens.auditor,
      variables: { idNumber: family.spouse.idNumber },
    });
    // The spouse shares the household's disclosure, not the head's own.
    expect(answer.data?.disclosuresAbout.map((disclosure) => disclosure.aboutHousehold)).toEqual([true]);
    const { rows } = await pool.query(
      "SELECT operation FROM audit_entries WHERE subject_person_id = $1 AND actor_kind = 'USER'",
      [family.spouse.id],
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('answers a person outside the caller’s reach exactly like one the hub does not hold', async () => {
    const outside = await hub.graphql(RECORD, {
      token: tokens.elsewhere,
      variables: { idNumber: family.head.idNumber },
    });
    const unknown = await hub.graphql(RECORD, {
      token: tokens.officer,
      variables: { idNumber: '11010519491231002X' },
    });
    expect(outside.data).toEqual({ disclosuresAbout: null });
    expect(unknown.data).toEqual({ disclosuresAbout: null });
    const anonymous = await hub.graphql(RECORD, { variables: { idNumber: family.head.idNumber } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('prints the record in Chinese for the citizen, without anyone else’s data', async () => {
    const page = (token: string, idNumber: string) =>
      fetch(`${hub.url}/audit/disclosure-record`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idNumber }),
      });
    const printed = await page(tokens.officer, family.head.idNumber);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toContain('text/html');
    const html = await printed.text();
    expect(html).toContain('个人信息查询记录');
    expect(html).toContain(housing.name);
    expect(html).toContain('住房保障');
    expect(html).toContain(`本人授权书 ${consentReference}`);
    expect(html).toContain(family.head.name);
    expect(html).not.toContain(family.head.idNumber);
    for (const other of [stranger.head, family.spouse, family.child]) {
      expect(html).not.toContain(other.name);
      expect(html).not.toContain(other.idNumber.slice(6, 14));
    }
    expect((await page(tokens.elsewhere, family.head.idNumber)).status).toBe(404);
    expect((await page(tokens.officer, '11010519491231002X')).status).toBe(404);
    expect((await page(tokens.officer, '123')).status).toBe(400);
    const anonymous = await fetch(`${hub.url}/audit/disclosure-record`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: family.head.idNumber }),
    });
    expect(anonymous.status).toBe(401);
    // The number is never taken from the URL, where proxies and histories keep it.
    const inUrl = await fetch(`${hub.url}/audit/disclosure-record?idNumber=${family.head.idNumber}`, {
      headers: { authorization: `Bearer ${tokens.officer}` },
    });
    expect(inUrl.status).toBe(404);
  });
});
