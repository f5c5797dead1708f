import { citePolicyDocument } from '@hub/schema/comparisons/cite-policy-document';
import { type StoredAppliedRule, sayAppliedRule } from '@hub/schema/comparisons/say-applied-rule';
import { exactPerCapitaText } from '@hub/schema/comparisons/yuan-text';
import { enumValueLabel, enumValueLabels, type HubLanguage } from '@hub/schema/enum-labels/enum-value-label';
import { yuan } from '../discrepancy-cases/discrepancy-case-export-rows.ts';
import type { AssessmentColumn } from './assessment-export-columns.ts';
import { fallbackReason } from './evidence-fact-words.ts';

// One cell of a run's results export worded for a person: labels for codes, yuan for fen, the rules applied as
// sentences with their citations. The data form (`form=data`) never comes here.

interface LiveSource {
  dataset: string;
  departmentName: string | null;
  source: string;
  reason: string | null;
}

// One rule after another on one line, so the file still reads line by line: 【title（holds）】sentence〔citation〕.
function appliedRules(json: string, language: HubLanguage): string {
  return (JSON.parse(json) as StoredAppliedRule[])
    .map((applied) => {
      const title = enumValueLabel(language, 'PolicyRule', applied.rule);
      const citation = citePolicyDocument(applied.citation, language);
      if (language === 'en') {
        const holds = applied.holds === null ? '' : applied.holds ? ', holds' : ', does not hold';
        return `[${title}${holds}] ${sayAppliedRule(applied, 'en')} (${citation})`;
      }
      const holds = applied.holds === null ? '' : applied.holds ? '（成立）' : '（不成立）';
      return `【${title}${holds}】${sayAppliedRule(applied, 'zh-CN')}〔依据：${citation}〕`;
    })
    .join(language === 'en' ? '; ' : '； ');
}

function liveSources(json: string, language: HubLanguage): string {
  return (JSON.parse(json) as LiveSource[])
    .map((source) => {
      const dataset = enumValueLabel(language, 'Dataset', source.dataset);
      const how = enumValueLabel(language, 'DataSourceKind', source.source);
      const reason = source.reason
        ? language === 'en'
          ? ` (${source.reason})`
          : `（${fallbackReason(source.reason)}）`
        : '';
      return language === 'en'
        ? `${dataset} from ${source.departmentName ?? '—'}: ${how}${reason}`
        : `${dataset}（${source.departmentName ?? '—'}）：${how}${reason}`;
    })
    .join(language === 'en' ? '; ' : '；');
}

/** "106501/3" as ¥355.00 + 1/3 分（¥1,065.01 ÷ 3 人）. */
function exactFraction(value: string, language: HubLanguage): string {
  const [income, members] = value.split('/');
  return exactPerCapitaText(String(income), Number(members), language);
}

export function presentAssessmentCell(column: AssessmentColumn, value: string | null, language: HubLanguage) {
  if (value === null) return null;
  if (column.type === 'fen') return yuan(value);
  if (column.labels) return enumValueLabels(language, column.labels, value ? value.split(';') : []);
  switch (column.name) {
    case 'per_capita_income_exact_fen':
      return exactFraction(value, language);
    case 'applied_rules':
      return appliedRules(value, language);
    case 'live_data_sources':
      return liveSources(value, language);
    default:
      return value;
  }
}
