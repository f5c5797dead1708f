import { randomUUID } from 'node:crypto';
import type { InputProblem } from '@hub/schema/input-problems';
import type pg from 'pg';
import { ASSISTANCE_PURPOSE, AUTHORISATION_YEARS } from './assistance-purpose.ts';
import type { CheckedRequest } from './check-verification-request.ts';

export interface RequestSubmitter {
  departmentId: string;
  userId: string | null;
  apiClientId: string | null;
  /** The regions whose households the submitter may reach. */
  reach: ReadonlySet<string> | 'ALL';
}

export interface WrittenRequests {
  accepted: { index: number; id: string; householdId: string }[];
  rejected: { index: number; problems: InputProblem[] }[];
}

interface Placed extends CheckedRequest {
  index: number;
  id: string;
  applicationId: string;
  householdId: string;
  isNewHousehold: boolean;
}

interface KnownPerson {
  id_number: string;
  household_id: string | null;
}

// A person's household today: an open membership's, or for one without history, persons.household_id.
const CURRENT_HOUSEHOLDS = `
  SELECT p.id_number, coalesce(
    (SELECT hm.household_id FROM household_memberships hm WHERE hm.person_id = p.id AND hm.valid_to IS NULL LIMIT 1),
    CASE WHEN NOT EXISTS (SELECT 1 FROM household_memberships hm WHERE hm.person_id = p.id) THEN p.household_id END
  ) AS household_id
  FROM persons p WHERE p.id_number = ANY($1::text[])`;

/** The checks that need the database: region, reach, reference, and whose household each member is in. */
async function placeRequests(
  client: pg.ClientBase,
  checked: { index: number; request: CheckedRequest }[],
  submitter: RequestSubmitter,
  rejected: WrittenRequests['rejected'],
): Promise<Placed[]> {
  const regions = new Set(
    (
      await client.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::text[])', [
        [...new Set(checked.map(({ request }) => request.household.regionCode))],
      ])
    ).rows.map((row) => row.code),
  );
  const taken = new Set(
    (
      await client.query<{ reference: string }>(
        'SELECT reference FROM verification_requests WHERE department_id = $1 AND reference = ANY($2::text[])',
        [submitter.departmentId, checked.map(({ request }) => request.reference)],
      )
    ).rows.map((row) => row.reference),
  );
  const registered = new Map(
    (
      await client.query<{ register_number: string; id: string }>(
        'SELECT register_number, id FROM households WHERE register_number = ANY($1::text[])',
        [checked.flatMap(({ request }) => request.household.registerNumber ?? [])],
      )
    ).rows.map((row) => [row.register_number, row.id]),
  );
  const persons = new Map(
    (
      await client.query<KnownPerson>(CURRENT_HOUSEHOLDS, [
        [...new Set(checked.flatMap(({ request }) => request.members.map((member) => member.idNumber)))],
      ])
    ).rows.map((row) => [row.id_number, row.household_id]),
  );
  const placed: Placed[] = [];
  const claimedNumbers = new Set<string>();
  for (const { index, request } of checked) {
    const problems: InputProblem[] = [];
    const { regionCode, registerNumber } = request.household;
    if (!regions.has(regionCode)) {
      problems.push({ field: 'household.regionCode', problem: 'UNKNOWN_REGION', message: `no region ${regionCode}` });
    } else if (submitter.reach !== 'ALL' && !submitter.reach.has(regionCode)) {
      problems.push({ field: 'household.regionCode', problem: 'OUTSIDE_REACH', message: 'outside your region' });
    }
    if (taken.has(request.reference)) {
      problems.push({ field: 'reference', problem: 'DUPLICATE_REFERENCE', message: 'your office used it before' });
    }
    taken.add(request.reference);
    const head = request.members.find((member) => member.relation === 'HEAD');
    const existing =
      (registerNumber ? registered.get(registerNumber) : undefined) ??
      (head ? persons.get(head.idNumber) : null) ??
      null;
    if (!existing && registerNumber && claimedNumbers.has(registerNumber)) {
      problems.push({
        field: 'household.registerNumber',
        problem: 'DUPLICATE_REFERENCE',
        message: 'two requests create it',
      });
    }
    if (registerNumber) claimedNumbers.add(registerNumber);
    request.members.forEach((member, position) => {
      const current = persons.get(member.idNumber) ?? null;
      if (current && current !== existing) {
        problems.push({
          field: `members[${position}].idNumber`,
          problem: 'MEMBER_OF_ANOTHER_HOUSEHOLD',
          message: 'a member of another household in the register',
        });
      }
    });
    if (problems.length) {
      rejected.push({ index, problems });
      continue;
    }
    placed.push({
      ...request,
      index,
      id: randomUUID(),
      applicationId: randomUUID(),
      householdId: existing ?? randomUUID(),
      isNewHousehold: !existing,
    });
  }
  return placed;
}

const rigid = (request: CheckedRequest, source: string) =>
  request.items
    .filter((item) => item.category === 'RIGID_EXPENDITURE' && item.source === source)
    .reduce((sum, item) => sum + Number(item.amountFen), 0);

/**
 * Saves requests that passed their checks in one transaction, set-based (a batch of thousands costs a handful of
 * statements): persons the hub does not know, a household for applicants the register does not have (its members
 * from the submission day), the application with its declared rigid expenditure, the request with its members,
 * declared items and authorisation scan, and a consent for each member who signed it. A request that fails a
 * check against the database is rejected whole, with its problems; the others are saved.
 */
export async function writeVerificationRequests(
  client: pg.ClientBase,
  checked: { index: number; request: CheckedRequest }[],
  submitter: RequestSubmitter,
): Promise<WrittenRequests> {
  const rejected: WrittenRequests['rejected'] = [];
  await client.query('BEGIN');
  try {
    // Two submissions naming one person never both create their household.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('verification-requests', 0))");
    const placed = await placeRequests(client, checked, submitter, rejected);
    const members = placed.flatMap((request) =>
      request.members.map((member) => ({
        ...member,
        requestId: request.id,
        householdId: request.householdId,
        isNewHousehold: request.isNewHousehold,
        submittedOn: request.submittedOn,
        kind: request.kind,
        signedOn: request.authorisation.signedOn,
        sha256: request.authorisation.sha256,
        reference: request.reference,
      })),
    );
    await client.query(
      `INSERT INTO persons (id_number, name, sex, birth_date)
       SELECT m."idNumber", m.name, m.sex::"Sex", m."birthDate"::date
         FROM jsonb_to_recordset($1::jsonb) AS m("idNumber" text, name text, sex text, "birthDate" text)
       ON CONFLICT (id_number) DO NOTHING`,
      [JSON.stringify(members)],
    );
    await client.query(
      `INSERT INTO households (id, region_code, area_type, address, register_number)
       SELECT r."householdId", r."regionCode", r."areaType"::"AreaType", r.address, r."registerNumber"
         FROM jsonb_to_recordset($1::jsonb)
           AS r("householdId" uuid, "regionCode" text, "areaType" text, address text, "registerNumber" text)`,
      [
        JSON.stringify(
          placed.filter((r) => r.isNewHousehold).map((r) => ({ householdId: r.householdId, ...r.household })),
        ),
      ],
    );
    const payload = JSON.stringify(members);
    await client.query(
      `WITH m AS (SELECT * FROM jsonb_to_recordset($1::jsonb)
                    AS m("idNumber" text, relation text, "householdId" uuid, "submittedOn" date, "isNewHousehold" boolean)
                   WHERE "isNewHousehold"),
       joined AS (
         INSERT INTO household_memberships (household_id, person_id, relation, valid_from)
         SELECT m."householdId", p.id, m.relation::"Relation", m."submittedOn" FROM m JOIN persons p ON p.id_number = m."idNumber"
         RETURNING person_id, household_id, relation)
       UPDATE persons p SET household_id = joined.household_id, relation = joined.relation
         FROM joined WHERE p.id = joined.person_id`,
      [payload],
    );
    await client.query(
      `INSERT INTO applications (id, household_id, kind, status, submitted_on, medical_expense_monthly_fen,
              education_expense_monthly_fen, single_person_id, temporary_assistance_type)
       SELECT r.id, r."householdId", r.kind::"AssistanceKind", 'SUBMITTED', r."submittedOn", r.medical, r.education,
              single.id, r."temporaryAssistanceType"::"TemporaryAssistanceType"
         FROM jsonb_to_recordset($1::jsonb)
           AS r(id uuid, "householdId" uuid, kind text, "submittedOn" date, medical integer, education integer,
                "singlePersonIdNumber" text, "temporaryAssistanceType" text)
         LEFT JOIN persons single ON single.id_number = r."singlePersonIdNumber"`,
      [
        JSON.stringify(
          placed.map((r) => ({
            id: r.applicationId,
            householdId: r.householdId,
            kind: r.kind,
            submittedOn: r.submittedOn,
            medical: rigid(r, 'MEDICAL'),
            education: rigid(r, 'EDUCATION'),
            singlePersonIdNumber: r.singlePersonIdNumber,
            temporaryAssistanceType: r.temporaryAssistanceType,
          })),
        ),
      ],
    );
    await client.query(
      `INSERT INTO verification_requests (id, reference, department_id, submitted_by_id, submitted_by_api_client_id,
              household_id, application_id, kind, submitted_on, authorisation_file_name, authorisation_media_type,
              authorisation_sha256, authorisation_content, authorisation_signed_on)
       SELECT r.id, r.reference, $2, $3, $4, r."householdId", r."applicationId", r.kind::"AssistanceKind",
              r."submittedOn", r."fileName", r."mediaType", r.sha256, decode(r.content, 'base64'), r."signedOn"
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, reference text, "householdId" uuid, "applicationId" uuid,
              kind text, "submittedOn" date, "fileName" text, "mediaType" text, sha256 text, content text, "signedOn" date)`,
      [
        JSON.stringify(
          placed.map((r) => ({
            id: r.id,
            reference: r.reference,
            householdId: r.householdId,
            applicationId: r.applicationId,
            kind: r.kind,
            submittedOn: r.submittedOn,
            fileName: r.authorisation.fileName,
            mediaType: r.authorisation.mediaType,
            sha256: r.authorisation.sha256,
            content: r.authorisation.contentBase64,
            signedOn: r.authorisation.signedOn,
          })),
        ),
        submitter.departmentId,
        submitter.userId,
        submitter.apiClientId,
      ],
    );
    await client.query(
      `INSERT INTO verification_request_members (request_id, person_id, relation, is_severely_disabled,
              is_critically_ill, signed_authorisation)
       SELECT m."requestId", p.id, m.relation::"Relation", m."isSeverelyDisabled", m."isCriticallyIll", m."signedAuthorisation"
         FROM jsonb_to_recordset($1::jsonb) AS m("requestId" uuid, "idNumber" text, relation text,
              "isSeverelyDisabled" boolean, "isCriticallyIll" boolean, "signedAuthorisation" boolean)
         JOIN persons p ON p.id_number = m."idNumber"`,
      [payload],
    );
    await client.query(
      `INSERT INTO declared_items (request_id, line, category, person_id, source, amount_fen)
       SELECT i."requestId", i.line, i.category::"DeclaredItemCategory", p.id, i.source, i."amountFen"::bigint
         FROM jsonb_to_recordset($1::jsonb)
           AS i("requestId" uuid, line integer, category text, "memberIdNumber" text, source text, "amountFen" text)
         LEFT JOIN persons p ON p.id_number = i."memberIdNumber"`,
      [JSON.stringify(placed.flatMap((r) => r.items.map((item) => ({ ...item, requestId: r.id }))))],
    );
    // The authorisation records each signer's consent: for the kind applied for and the periodic reviews after it.
    await client.query(
      `INSERT INTO consents (person_id, purposes, department_id, signed_on, expires_on, document_reference, recorded_by_id)
       SELECT p.id, ARRAY[m.purpose, 'PERIODIC_REVIEW']::"Purpose"[], NULL, m."signedOn",
              (m."signedOn" + make_interval(years => $2))::date - 1,
              '授权书 sha256:' || m.sha256 || ' (request ' || m.reference || ')', $3
         FROM jsonb_to_recordset($1::jsonb) AS m("idNumber" text, purpose text, "signedOn" date, sha256 text,
              reference text, "signedAuthorisation" boolean)
         JOIN persons p ON p.id_number = m."idNumber"
        WHERE m."signedAuthorisation"`,
      [
        JSON.stringify(members.map((member) => ({ ...member, purpose: ASSISTANCE_PURPOSE[member.kind] }))),
        AUTHORISATION_YEARS,
        submitter.userId,
      ],
    );
    await client.query('COMMIT');
    return {
      accepted: placed.map((request) => ({ index: request.index, id: request.id, householdId: request.householdId })),
      rejected,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
