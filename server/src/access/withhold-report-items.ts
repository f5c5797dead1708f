import type { AccessLevel } from '@hub/prisma';
import type { AccessDecider, DisclosureLog, DisclosureSubject } from '@hub/schema/context';
import { RECORD_LEVELS } from '@hub/schema/disclosure/access-levels';
import { householdSubject, personSubject } from '@hub/schema/disclosure/annotations';
import { maskValue } from '@hub/schema/disclosure/masks';
import { withholdEvidenceFacts } from '@hub/schema/disclosure/withhold-evidence-facts';

/** A value the caller may not see, shown as withheld with the data item it belongs to. */
export interface Withheld {
  withheld: string;
}

export type Shown<T> = T | Withheld;

export interface ReportSubjects {
  householdId: string;
  address: string;
  regionName: string;
  areaType: string;
  members: { id: string; name: string; idNumber: string; relation: string | null }[];
  evidence: { dataset: string; departmentId: string | null; personId: string | null; facts: unknown }[];
}

export interface DisclosedReport {
  address: Shown<string>;
  regionName: Shown<string>;
  areaType: Shown<string>;
  members: Shown<{ name: Shown<string>; idNumber: Shown<string>; relation: string | null }[]>;
  /** Each piece of evidence's facts, in the order given. */
  evidenceFacts: Shown<Record<string, unknown>>[];
}

/**
 * What a verification report (核对报告) or an export may show, decided by the same door and the same rules as the
 * graph: an identifier in clear at FULL and masked at MASKED, a value at FULL or MASKED, records only from providers
 * the caller may see. Everything else is withheld with its item; every decision goes to the request's audit log.
 */
export async function withholdReportItems(
  access: AccessDecider,
  disclosures: DisclosureLog,
  report: ReportSubjects,
): Promise<DisclosedReport> {
  const level = async (
    item: string,
    subject: DisclosureSubject,
    provider: string | null,
    needed: readonly AccessLevel[],
  ) => {
    const decision = await access.decide(item, subject, provider);
    if (decision.level !== null && needed.includes(decision.level)) {
      disclosures.record({
        ...subject,
        outcome: 'DISCLOSED',
        itemCode: item,
        accessLevel: decision.level,
        agreementIds: decision.agreementIds,
      });
      return decision.level;
    }
    const reason = decision.level === null ? decision.reason : 'INSUFFICIENT_ACCESS_LEVEL';
    disclosures.record({ ...subject, outcome: 'DENIED', itemCode: item, reason });
    return null;
  };
  const household = householdSubject(report.householdId);
  const composition = await level('HOUSEHOLD_COMPOSITION', household, null, RECORD_LEVELS);
  const withheld = (item: string): Withheld => ({ withheld: item });
  const members = composition
    ? await Promise.all(
        report.members.map(async (member) => {
          const identity = await level('PERSON_IDENTITY', personSubject(member.id), null, RECORD_LEVELS);
          return {
            name: identity ? masked(identity, 'NAME', member.name) : withheld('PERSON_IDENTITY'),
            // The report never needs the full number: the household's id finds it again.
            idNumber: identity ? (maskValue('ID_NUMBER', member.idNumber) as string) : withheld('PERSON_IDENTITY'),
            relation: member.relation,
          };
        }),
      )
    : withheld('HOUSEHOLD_COMPOSITION');
  const evidenceFacts = await Promise.all(
    report.evidence.map(async (evidence) => {
      const shown = await withholdEvidenceFacts(access, disclosures, { ...evidence, householdId: report.householdId });
      return shown.shown ? shown.facts : withheld(shown.item);
    }),
  );
  return {
    address: composition ? masked(composition, 'ADDRESS', report.address) : withheld('HOUSEHOLD_COMPOSITION'),
    regionName: composition ? report.regionName : withheld('HOUSEHOLD_COMPOSITION'),
    areaType: composition ? report.areaType : withheld('HOUSEHOLD_COMPOSITION'),
    members,
    evidenceFacts,
  };
}

const masked = (level: AccessLevel, mask: 'NAME' | 'ADDRESS', value: string): string =>
  level === 'FULL' ? value : (maskValue(mask, value) as string);

export const isWithheld = (value: unknown): value is Withheld =>
  typeof value === 'object' && value !== null && 'withheld' in value;
