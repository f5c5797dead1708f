import type { AssessmentFlagCode } from '@hub/prisma';
import { builder } from '../builder.ts';
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

const EvidenceFact = builder.objectRef<[string, unknown]>('EvidenceFact').implement({
  fields: (t) => ({
    name: t.string({ resolve: ([name]) => name }),
    value: t.string({ nullable: true, resolve: ([, value]) => (value === null ? null : String(value)) }),
  }),
});

export const FlagEvidence = builder.objectRef<StoredEvidence>('FlagEvidence').implement({
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
      description: 'The values of the record that the rule looked at.',
      resolve: (evidence) => Object.entries(evidence.facts ?? {}),
    }),
  }),
});

export const AssessmentFlag = builder.objectRef<StoredFinding>('AssessmentFlag').implement({
  description: 'A rule the household breaks, with the records behind it.',
  fields: (t) => ({
    code: t.field({ type: AssessmentFlagCodeEnum, resolve: (finding) => finding.flag }),
    evidence: t.field({ type: [FlagEvidence], resolve: (finding) => finding.evidence }),
  }),
});
