import { createHash } from 'node:crypto';
import { AreaType, AssistanceKind, DeclaredItemCategory, Relation, TemporaryAssistanceType } from '@hub/prisma';
import { InvalidCitizenIdError, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { InputProblem } from '@hub/schema/input-problems';
import type { VerificationRequestInput } from '@hub/schema/verification-requests/verification-request-input';

/** A request that passed every check that needs no database, normalised for the set-based writer. */
export interface CheckedRequest {
  reference: string;
  kind: AssistanceKind;
  submittedOn: string;
  household: { regionCode: string; areaType: AreaType; address: string; registerNumber: string | null };
  members: {
    idNumber: string;
    name: string;
    sex: 'MALE' | 'FEMALE';
    birthDate: string;
    relation: Relation;
    isSeverelyDisabled: boolean;
    isCriticallyIll: boolean;
    signedAuthorisation: boolean;
  }[];
  /** 单人户: the member the request asks to enrol alone. */
  singlePersonIdNumber: string | null;
  /** 临时救助: the kind a TEMPORARY_ASSISTANCE request asks for. */
  temporaryAssistanceType: TemporaryAssistanceType | null;
  items: {
    line: number;
    category: DeclaredItemCategory;
    memberIdNumber: string | null;
    source: string;
    amountFen: string;
  }[];
  authorisation: { fileName: string; mediaType: string; contentBase64: string; sha256: string; signedOn: string };
}

const MAX_SCAN_BYTES = 10 * 1024 * 1024;
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];
const SOURCES: Partial<Record<DeclaredItemCategory, readonly string[]>> = {
  INCOME: ['WAGE', 'PENSION', 'UNEMPLOYMENT_BENEFIT', 'BUSINESS', 'AGRICULTURE', 'OTHER'],
  RIGID_EXPENDITURE: ['MEDICAL', 'EDUCATION'],
};
const ADULT_AGE = 18;

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Age in whole years on a day, both YYYY-MM-DD. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Every problem of one request that can be told without the database, each naming its field as the caller wrote it
 * (`members[2].idNumber`); the normalised request when there is none. A request is whole or refused: nothing of a
 * request with a problem is saved.
 */
export function checkVerificationRequest(
  input: VerificationRequestInput,
): { request: CheckedRequest; problems: [] } | { request: null; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const add = (field: string, problem: string, message: string) => problems.push({ field, problem, message });
  const reference = text(input.reference);
  if (!reference) add('reference', 'MISSING_VALUE', 'give the office’s number for the request');
  if (!Object.values(AssistanceKind).includes(input.kind as AssistanceKind)) {
    add('kind', 'INVALID_VALUE', `one of ${Object.values(AssistanceKind).join(', ')}`);
  }
  if (!isIsoDate(input.submittedOn)) add('submittedOn', 'INVALID_DATE', 'a date, YYYY-MM-DD');
  const household = input.household ?? ({} as VerificationRequestInput['household']);
  if (!text(household.regionCode)) add('household.regionCode', 'MISSING_VALUE', 'the region the household lives in');
  if (!Object.values(AreaType).includes(household.areaType as AreaType)) {
    add('household.areaType', 'INVALID_VALUE', 'URBAN or RURAL');
  }
  if (!text(household.address)) add('household.address', 'MISSING_VALUE', 'the household’s address');

  const members: CheckedRequest['members'] = [];
  const memberList = Array.isArray(input.members) ? input.members : [];
  if (!memberList.length) add('members', 'NO_MEMBERS', 'a request declares at least one member');
  const heads = memberList.filter((member) => member?.relation === 'HEAD').length;
  if (memberList.length && heads !== 1) add('members', 'ONE_HEAD_REQUIRED', `exactly one HEAD; this list has ${heads}`);
  memberList.forEach((member, index) => {
    const at = `members[${index}]`;
    const name = text(member?.name);
    if (!name) add(`${at}.name`, 'MISSING_VALUE', 'the member’s name');
    if (!Object.values(Relation).includes(member?.relation as Relation)) {
      add(`${at}.relation`, 'INVALID_VALUE', `one of ${Object.values(Relation).join(', ')}`);
    }
    try {
      const id = parseCitizenId(String(member?.idNumber ?? ''));
      if (members.some((seen) => seen.idNumber === id.idNumber)) {
        add(`${at}.idNumber`, 'DUPLICATE_MEMBER', 'the request names this person twice');
      }
      members.push({
        idNumber: id.idNumber,
        name,
        sex: id.sex,
        birthDate: id.birthDate.toISOString().slice(0, 10),
        relation: member.relation as Relation,
        isSeverelyDisabled: member.isSeverelyDisabled === true,
        isCriticallyIll: member.isCriticallyIll === true,
        signedAuthorisation: false,
      });
    } catch (error) {
      if (!(error instanceof InvalidCitizenIdError)) throw error;
      add(`${at}.idNumber`, `INVALID_ID_${error.problem}`, error.message);
    }
  });

  const items: CheckedRequest['items'] = [];
  (Array.isArray(input.items) ? input.items : []).forEach((item, index) => {
    const at = `items[${index}]`;
    const category = item?.category as DeclaredItemCategory;
    if (!Object.values(DeclaredItemCategory).includes(category)) {
      add(`${at}.category`, 'INVALID_VALUE', `one of ${Object.values(DeclaredItemCategory).join(', ')}`);
      return;
    }
    const source = text(item.source).toUpperCase();
    const sources = SOURCES[category];
    if (!source) add(`${at}.source`, 'MISSING_VALUE', 'say where the amount comes from');
    else if (sources && !sources.includes(source)) add(`${at}.source`, 'INVALID_VALUE', `one of ${sources.join(', ')}`);
    const amount = String(item.amountFen ?? '');
    if (!/^\d{1,15}$/.test(amount)) {
      add(`${at}.amountFen`, amount.startsWith('-') ? 'NEGATIVE_AMOUNT' : 'INVALID_AMOUNT', 'whole fen, not negative');
    }
    let memberIdNumber: string | null = null;
    if (category === 'RIGID_EXPENDITURE') {
      if (item.memberIdNumber) memberIdNumber = text(item.memberIdNumber).toUpperCase();
    } else if (!text(item.memberIdNumber)) {
      add(`${at}.memberIdNumber`, 'MISSING_VALUE', 'the member the item belongs to');
    } else {
      memberIdNumber = text(item.memberIdNumber).toUpperCase();
    }
    if (memberIdNumber && !members.some((member) => member.idNumber === memberIdNumber)) {
      add(`${at}.memberIdNumber`, 'NOT_A_MEMBER', 'names no member of the request');
    }
    items.push({ line: index, category, memberIdNumber, source, amountFen: amount });
  });

  // 单人户: 丧失劳动能力靠家庭供养的重度残疾人、重病患者按照单人户纳入低保 (yinchuan-2021 二(四)).
  const singlePersonIdNumber = text(input.singlePersonIdNumber).toUpperCase() || null;
  if (singlePersonIdNumber) {
    const single = members.find((member) => member.idNumber === singlePersonIdNumber);
    if (input.kind !== 'MINIMUM_LIVING_GUARANTEE') {
      add(
        'singlePersonIdNumber',
        'NOT_MINIMUM_LIVING',
        '单人户 is an enrolment in 低保: kind MINIMUM_LIVING_GUARANTEE',
      );
    }
    if (!single) add('singlePersonIdNumber', 'NOT_A_MEMBER', 'names no member of the request');
    else if (!single.isSeverelyDisabled && !single.isCriticallyIll) {
      add(
        'singlePersonIdNumber',
        'NOT_SEVERELY_DISABLED_OR_ILL',
        'only a member declared severely disabled or critically ill may be enrolled alone',
      );
    }
  }

  // 临时救助 is 急难型 or 支出型, or for an individual (yinchuan-2021 二(七)).
  const temporaryAssistanceType = (text(input.temporaryAssistanceType).toUpperCase() ||
    null) as TemporaryAssistanceType | null;
  if (temporaryAssistanceType) {
    if (!Object.values(TemporaryAssistanceType).includes(temporaryAssistanceType)) {
      add('temporaryAssistanceType', 'INVALID_VALUE', `one of ${Object.values(TemporaryAssistanceType).join(', ')}`);
    } else if (input.kind !== 'TEMPORARY_ASSISTANCE') {
      add('temporaryAssistanceType', 'NOT_TEMPORARY_ASSISTANCE', 'only a TEMPORARY_ASSISTANCE request says its kind');
    }
  }

  const authorisation = input.authorisation ?? ({} as VerificationRequestInput['authorisation']);
  const scan = Buffer.from(String(authorisation.contentBase64 ?? ''), 'base64');
  if (!text(authorisation.fileName)) add('authorisation.fileName', 'MISSING_VALUE', 'the scan’s file name');
  if (!SCAN_TYPES.includes(authorisation.mediaType)) {
    add('authorisation.mediaType', 'INVALID_VALUE', `one of ${SCAN_TYPES.join(', ')}`);
  }
  if (scan.length === 0) add('authorisation.contentBase64', 'MISSING_VALUE', 'the signed authorisation’s scan, base64');
  if (scan.length > MAX_SCAN_BYTES) add('authorisation.contentBase64', 'TOO_LARGE', 'a scan of at most 10 MiB');
  const signedOn = authorisation.signedOn;
  if (!isIsoDate(signedOn)) add('authorisation.signedOn', 'INVALID_DATE', 'a date, YYYY-MM-DD');
  else if (isIsoDate(input.submittedOn) && signedOn > input.submittedOn) {
    add('authorisation.signedOn', 'AFTER_SUBMISSION', 'the authorisation is signed before the request is submitted');
  }
  const signers = new Set(
    (Array.isArray(authorisation.signedBy) ? authorisation.signedBy : []).map((id) => text(id).toUpperCase()),
  );
  for (const signer of signers) {
    if (!members.some((member) => member.idNumber === signer)) {
      add('authorisation.signedBy', 'NOT_A_MEMBER', `${signer.slice(0, 6)}… is no member of the request`);
    }
  }
  // Every adult member signs the authorisation (a guardian signs for one without legal capacity).
  members.forEach((member) => {
    member.signedAuthorisation = signers.has(member.idNumber);
    if (isIsoDate(signedOn) && ageOn(member.birthDate, signedOn) >= ADULT_AGE && !member.signedAuthorisation) {
      const index = memberList.findIndex((listed) => text(listed.idNumber).toUpperCase() === member.idNumber);
      add(
        `members[${index}].idNumber`,
        'AUTHORISATION_NOT_SIGNED',
        'an adult member who has not signed the authorisation',
      );
    }
  });

  if (problems.length) return { request: null, problems };
  return {
    request: {
      reference,
      kind: input.kind as AssistanceKind,
      submittedOn: input.submittedOn,
      household: {
        regionCode: text(household.regionCode),
        areaType: household.areaType as AreaType,
        address: text(household.address),
        registerNumber: text(household.registerNumber) || null,
      },
      members,
      items,
      singlePersonIdNumber,
      temporaryAssistanceType,
      authorisation: {
        fileName: text(authorisation.fileName),
        mediaType: authorisation.mediaType,
        contentBase64: scan.toString('base64'),
        sha256: createHash('sha256').update(scan).digest('hex'),
        signedOn,
      },
    },
    problems: [],
  };
}
