import type { AssessmentFlagCode } from '@hub/prisma';
import { builder } from '../builder.ts';
import { dataItemDeniedError } from '../disclosure/data-item-denied.ts';
import { withholdEvidenceFacts } from '../disclosure/withhold-evidence-facts.ts';
import { AssessmentFlagCodeEnum } from './comparison-enums.ts';

/** One record behind a flag, as the engine stored it (assess-households.ts). */
export interface StoredEvidence {
  departmentId: string | null;
  dataset: string;
  recordId: string | null;
  snapshotId: string | null;
  asOf: string | null;
  /** LIVE: from a live answer fetched for the run; SNAPSHOT: from a bulk snapshot. Absent in results before live connectors. */
  source?: 'LIVE' | 'SNAPSHOT';
  personId: string | null;
  facts: Record<string, string | number | boolean | null>;
}

export interface StoredFinding {
  flag: AssessmentFlagCode;
  evidence: StoredEvidence[];
}

/** A finding as the graph shows it: its evidence knows whose result it belongs to, the subject of its facts. */
export interface HouseholdFinding {
  flag: AssessmentFlagCode;
  evidence: (StoredEvidence & { householdId: string })[];
}

const withheldItem = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'withheld' in value ? String(value.withheld) : null;

const EvidenceFact = builder.objectRef<[string, unknown]>('EvidenceFact').implement({
  fields: (t) => ({
    name: t.string({ resolve: ([name]) => name }),
    value: t.string({
      nullable: true,
      resolve: ([, value]) => (value === null || withheldItem(value) ? null : String(value)),
    }),
    withheldItem: t.string({
      nullable: true,
      description:
        'The data item that withholds this value from you (a word of a record you see at MASKED); else null.',
      resolve: ([, value]) => withheldItem(value),
    }),
  }),
});

export const FlagEvidence = builder.objectRef<StoredEvidence & { householdId: string }>('FlagEvidence').implement({
  description: 'A record a flag rests on: the department that delivered it, the record, its snapshot and as-of date.',
  fields: (t) => ({
    department: t.prismaField({
      type: 'Department',
      nullable: true,
      resolve: (query, evidence, _args, { prisma }) =>
        evidence.departmentId ? prisma.department.findUnique({ ...query, where: { id: evidence.departmentId } }) : null,
    }),
    dataset: t.exposeString('dataset', { description: 'A department dataset, or APPLICATION for the declared costs.' }),
    recordId: t.exposeID('recordId', { nullable: true, description: 'Null when the point is that no record came.' }),
    snapshotId: t.exposeID('snapshotId', { nullable: true }),
    asOf: t.string({ nullable: true, description: 'YYYY-MM-DD', resolve: (evidence) => evidence.asOf }),
    source: t.string({
      nullable: true,
      description: 'LIVE when the record came from a live answer fetched for the run, SNAPSHOT from a bulk snapshot.',
      resolve: (evidence) => evidence.source ?? (evidence.snapshotId ? 'SNAPSHOT' : null),
    }),
    personId: t.exposeID('personId', { nullable: true }),
    facts: t.field({
      type: [EvidenceFact],
      nullable: true,
      description:
        "The values of the record that the rule looked at, as the record's data item is disclosed to you under the " +
        'declared purpose (as in the 核对报告): all at FULL, amounts only at MASKED; otherwise null with FORBIDDEN naming the item.',
      resolve: async (evidence, _args, { access, disclosures }) => {
        const shown = await withholdEvidenceFacts(access, disclosures, evidence);
        if (!shown.shown) throw dataItemDeniedError(shown.item, shown.reason);
        return Object.entries(shown.facts);
      },
    }),
  }),
});

export const AssessmentFlag = builder.objectRef<HouseholdFinding>('AssessmentFlag').implement({
  description: 'A rule the household breaks, with the records behind it.',
  fields: (t) => ({
    code: t.field({ type: AssessmentFlagCodeEnum, resolve: (finding) => finding.flag }),
    evidence: t.field({ type: [FlagEvidence], resolve: (finding) => finding.evidence }),
  }),
});
