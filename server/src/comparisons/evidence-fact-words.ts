import { yuanText } from '@hub/schema/comparisons/yuan-text';
import { enumValueLabel } from '@hub/schema/enum-labels/enum-value-label';
import { RECORD_FIELD_LABELS_ZH_CN, RECORD_VALUE_LABELS_ZH_CN } from '@hub/schema/record-labels/zh-cn';
import { isWithheld } from '../access/withhold-report-items.ts';

// The facts a finding's evidence keeps, as a Chinese reader reads them: each key a word, money in yuan, codes as
// labels. A key or value the hub does not know is shown as stored rather than hidden.

const FIELDS: Readonly<Record<string, string>> = RECORD_FIELD_LABELS_ZH_CN;
const VALUES: Readonly<Record<string, string>> = RECORD_VALUE_LABELS_ZH_CN;

export const factName = (key: string) => FIELDS[key] ?? key;

/** A fact's value as text: yuan for a *Fen key, a label for a code; a withheld value is left to the caller. */
export function factValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (isWithheld(value)) return '';
  if (key.endsWith('Fen') && /^-?\d+$/.test(String(value))) return yuanText(String(value));
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'contributionRate') return `${Number((Number(value) * 100).toFixed(4))}%`;
  return VALUES[String(value)] ?? String(value);
}

/** Why a live query fell back on the bulk snapshot, in Chinese: "超时：3 人中 2 人未获答复". */
export function fallbackReason(reason: string): string {
  const parts = /^(.*) for (\d+) of (\d+) members(; no CURRENT snapshot to fall back on)?$/.exec(reason);
  if (!parts) return reason;
  const failures = (parts[1] ?? '')
    .split(', ')
    .map((code) => enumValueLabel('zh-CN', 'ConnectorFailure', code))
    .join('、');
  return `${failures}：${parts[3]} 人中 ${parts[2]} 人未获答复${parts[4] ? '；且没有可改用的批量数据' : ''}`;
}
