import { POLICY_RULES } from '@hub/prisma/policy/policy-rules';
import {
  describeAppliedRule,
  exactPerCapita,
  type StoredAppliedRule,
} from '@hub/schema/comparisons/describe-applied-rule';
import { isWithheld, type Shown } from '../access/withhold-report-items.ts';

// The verification report (核对报告) of one household in one run, as a page a person prints and files: what was
// compared, against which standard, what was found and on what evidence.

export interface ReportFacts {
  run: { id: string; kind: string; asOf: string; regionName: string | null };
  household: { id: string; address: Shown<string>; regionName: Shown<string>; areaType: Shown<string> };
  /** Identity numbers come masked. */
  members: Shown<{ name: Shown<string>; idNumber: Shown<string>; relation: string | null }[]>;
  assessment: {
    classification: string | null;
    countedMembers: number;
    monthlyIncomeFen: string;
    rigidExpenditureFen: string;
    perCapitaIncomeFen: string | null;
    standardMonthlyFen: number;
    financialAssetsFen: string;
    monthlyBenefitFen: string | null;
    /** Every rule the decision applied, with its citation and the figures compared. */
    appliedRules: StoredAppliedRule[];
    findings: { flag: string; evidence: (Record<string, unknown> & { facts?: Shown<Record<string, unknown>> })[] }[];
    /** APPLICATION runs: where each department's dataset came from (LIVE, SNAPSHOT_FALLBACK, SNAPSHOT). */
    dataSources: {
      departmentId: string;
      dataset: string;
      source: string;
      snapshotId: string | null;
      asOf: string | null;
      reason: string | null;
    }[];
  };
  departments: ReadonlyMap<string, string>;
  /** The evidence's snapshots that retention has purged since: the report shows the values the result kept. */
  purgedSnapshotIds: ReadonlySet<string>;
}

const PURGED_NOTE =
  '已按保存期限清除，所列依据为核对时留存的数值 (purged at the end of its retention: the facts shown are those kept when the household was assessed)';

const html = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const withheldMark = (item: string) => `<em class="withheld">不予提供 withheld (${html(item)})</em>`;
/** A value as shown, or the mark of what was withheld. */
const shown = (value: unknown) => (isWithheld(value) ? withheldMark(value.withheld) : html(value));
const shownText = (value: unknown) =>
  isWithheld(value) ? `不予提供 withheld (${value.withheld})` : String(value ?? '');
const yuan = (fen: string | number | null) => (fen === null ? '—' : `¥${(Number(fen) / 100).toFixed(2)}`);

const CLASSIFICATIONS: Record<string, string> = {
  MINIMUM_LIVING: '低保标准以内 (within the 低保 standard)',
  LOW_INCOME: '低收入家庭 (low-income)',
  ABOVE_LINE: '超出认定标准 (above the line)',
  BETWEEN_LINES: '恰为低保标准：既不低于也不高于 (exactly on the standard: neither 低保 nor 低收入 by the letter)',
  EXTREME_POVERTY: '特困人员 (extreme poverty)',
};

// The rules the decision applied, each with its citation and the comparison in exact figures: the per-capita
// income shown is the amount the decision compared, never a rounded one that could look equal to the line.
function appliedRulesSection(rules: readonly StoredAppliedRule[]): string {
  if (!rules.length) return '';
  const rows = rules
    .map(
      (applied) =>
        `<tr><td>${html(POLICY_RULES[applied.rule]?.title ?? applied.rule)}</td><td>${html(
          applied.citation ? `${applied.citation.document}, ${applied.citation.paragraph}` : '—',
        )}</td><td>${html(describeAppliedRule(applied))}</td><td>${
          applied.holds === null ? '—' : applied.holds ? '是 (holds)' : '否 (does not hold)'
        }</td></tr>`,
    )
    .join('');
  return `<h2>适用规则 Rules applied</h2>
<table><tr><th>规则 Rule</th><th>依据 Citation</th><th>比较 Compared</th><th>结果 Result</th></tr>${rows}</table>`;
}

const SOURCES: Record<string, string> = {
  LIVE: '实时查询 (live answer)',
  SNAPSHOT_FALLBACK: '实时查询失败，改用批量数据 (live query failed: bulk snapshot used)',
  SNAPSHOT: '批量数据 (bulk snapshot)',
};

// Says, per department and dataset, whether the centre's check asked the department live or read its last delivery.
function dataSourcesSection(facts: ReportFacts): string {
  const sources = facts.assessment.dataSources;
  if (!sources.length) return '';
  const rows = sources
    .map(
      (source) =>
        `<tr><td>${html(source.dataset)}</td><td>${html(facts.departments.get(source.departmentId) ?? source.departmentId)}</td><td>${html(
          SOURCES[source.source] ?? source.source,
        )}</td><td>${html(source.asOf)}</td><td><code>${html(source.snapshotId)}</code></td><td>${html(source.reason)}</td></tr>`,
    )
    .join('');
  return `<h2>数据来源 Data sources</h2>
<table><tr><th>数据 Dataset</th><th>提供部门 Department</th><th>来源 Source</th><th>截至 As of</th><th>批次 Snapshot</th><th>原因 Reason</th></tr>${rows}</table>`;
}

function membersSection(members: ReportFacts['members']): string {
  if (isWithheld(members)) return `<p>${withheldMark(members.withheld)}</p>`;
  const rows = members
    .map((m) => `<tr><td>${shown(m.name)}</td><td>${shown(m.idNumber)}</td><td>${html(m.relation)}</td></tr>`)
    .join('');
  return `<table><tr><th>姓名 Name</th><th>身份证号 ID number</th><th>与户主关系 Relation</th></tr>${rows}</table>`;
}

function factsCell(facts: unknown): string {
  if (isWithheld(facts)) return withheldMark(facts.withheld);
  const entries = Object.entries((facts ?? {}) as Record<string, unknown>);
  return entries.map(([name, value]) => `<code>${html(name)}</code>: ${shown(value)}`).join('<br>');
}

export function renderVerificationReport(facts: ReportFacts, generatedAt: Date): string {
  const { run, household, members, assessment } = facts;
  const rows = (pairs: [string, string][]) =>
    pairs.map(([label, value]) => `<tr><th>${html(label)}</th><td>${html(value)}</td></tr>`).join('');
  const evidence = assessment.findings
    .flatMap((finding) =>
      (finding.evidence.length ? finding.evidence : [{}]).map(
        (item) =>
          `<tr><td>${html(finding.flag)}</td><td>${html(item.dataset)}</td><td>${html(
            facts.departments.get(String(item.departmentId)) ?? item.departmentId,
          )}</td><td>${html(item.asOf)}</td><td><code>${html(item.snapshotId)}</code>${
            facts.purgedSnapshotIds.has(String(item.snapshotId)) ? `<br><small>${PURGED_NOTE}</small>` : ''
          }</td><td>${factsCell(item.facts)}</td></tr>`,
      ),
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>核对报告 ${html(household.id)}</title>
<style>
body{font:14px/1.5 "Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem auto;max-width:60rem;color:#111}
h1{font-size:1.4rem;text-align:center}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2;width:14rem}
code{font-size:12px;word-break:break-all}.sign{margin-top:3rem;display:flex;justify-content:space-between}
@media print{body{margin:0;max-width:none}}
</style></head><body>
<h1>居民家庭经济状况核对报告<br><small>Household economic-status verification report</small></h1>
<table>${rows([
    ['核对类型 Run', `${run.kind} · ${run.id}`],
    ['核对基准日 As of', run.asOf],
    [
      '家庭 Household',
      `${shownText(household.regionName)} · ${shownText(household.address)} (${shownText(household.areaType)})`,
    ],
    [
      '认定结果 Classification',
      assessment.classification
        ? (CLASSIFICATIONS[assessment.classification] ?? assessment.classification)
        : '无计入成员 (no member counts)',
    ],
    ['计入成员 Members counted', String(assessment.countedMembers)],
    ['家庭月收入 Monthly income', yuan(assessment.monthlyIncomeFen)],
    ['刚性支出 Rigid expenditure', yuan(assessment.rigidExpenditureFen)],
    [
      '人均月收入 Per-capita income',
      exactPerCapita(
        Math.max(0, Number(assessment.monthlyIncomeFen) - Number(assessment.rigidExpenditureFen)),
        assessment.countedMembers,
      ),
    ],
    ['低保标准 Standard (per person per month)', yuan(assessment.standardMonthlyFen)],
    ['金融资产 Financial assets', yuan(assessment.financialAssetsFen)],
    ['月救助金额 Monthly benefit', yuan(assessment.monthlyBenefitFen)],
  ])}</table>
${appliedRulesSection(assessment.appliedRules)}
<h2>家庭成员 Members</h2>
${membersSection(members)}
<h2>核对发现 Findings</h2>
${
  assessment.findings.length
    ? `<table><tr><th>发现 Flag</th><th>数据 Dataset</th><th>提供部门 Department</th><th>截至 As of</th><th>批次 Snapshot</th><th>依据 Facts</th></tr>${evidence}</table>`
    : '<p>未发现异常 (nothing found).</p>'
}
${dataSourcesSection(facts)}
<p>生成时间 Generated ${html(generatedAt.toISOString())}. 本报告的每次查阅均记入审计日志 (every view of this report is recorded in the audit trail).</p>
<div class="sign"><span>核对人 Verified by: ____________</span><span>复核人 Reviewed by: ____________</span><span>日期 Date: ____________</span></div>
</body></html>`;
}
