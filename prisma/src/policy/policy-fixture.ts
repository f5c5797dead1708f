import type { AreaType, BenefitMethod, FloorReading, LineReading } from '../../generated/enums.ts';
import type { Citation, PolicyRuleCode } from './policy-rules.ts';

/** A policy version as a document sets it; what it leaves out takes the documents' defaults (policy-rules.ts). */
export interface PolicyVersion {
  year: number;
  areaType: AreaType;
  minimumLivingMonthlyFen: number;
  minimumLivingLine?: LineReading;
  lowIncomeMultiplier?: string;
  lowIncomeLine?: LineReading;
  lowIncomeFloor?: FloorReading;
  extremePovertyMultiplier?: string;
  extremePovertyLine?: LineReading;
  extremePovertyMinorUntilAge?: number;
  emergencyAssistanceMultiplier?: string;
  expenditureAssistanceMultiplier?: string;
  individualAssistanceMultiplier?: string;
  gracePeriodMonths?: number;
  benefitMethod?: BenefitMethod;
  citations: { rule: PolicyRuleCode; document: string; paragraph: string }[];
}

/** A region's policy built from its documents, with the regions it needs (parents first). */
export interface PolicyFixture {
  name: string;
  summary: string;
  regions: { code: string; name: string; level: 'PROVINCE' | 'CITY' | 'COUNTY'; parentCode: string | null }[];
  regionCode: string;
  versions: PolicyVersion[];
}

export function cite(rule: PolicyRuleCode, citation: Citation) {
  return { rule, ...citation };
}
