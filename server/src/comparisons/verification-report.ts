import { findDataItem } from '@hub/schema/catalogue';
import { citePolicyDocument } from '@hub/schema/comparisons/cite-policy-document';
import { type StoredAppliedRule, sayAppliedRule } from '@hub/schema/comparisons/say-applied-rule';
import { exactPerCapitaText, yuanText } from '@hub/schema/comparisons/yuan-text';
import { enumValueLabel, type LabelledEnum } from '@hub/schema/enum-labels/enum-value-label';
import { isUuid } from '@hub/schema/uuid';
import { isWithheld, type Shown } from '../access/withhold-report-items.ts';
import { factName, factValue, fallbackReason } from './evidence-fact-words.ts';

// The verification report (核对报告) of one household in one run, as a page a person prints and files: what was
// compared, against which standard, what was found and on what evidence. Chinese first, with the English in a
// smaller line; ids of runs and snapshots only as small trace references for an audit.

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

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'medium',
  hourCycle: 'h23',
});

const PURGED_NOTE = '已按保存期限清除，所列依据为核对时留存的数值';
const PURGED_NOTE_EN =
  'purged at the end of its retention: the facts shown are those kept when the household was assessed';

const html = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
/** The English beside the Chinese, in a smaller line. */
const en = (text: string) => `<br><small class="en">${html(text)}</small>`;
const itemName = (item: string) => findDataItem(item)?.name.zh ?? item;
const withheldMark = (item: string) =>
  `<em class="withheld">不予提供（${html(itemName(item))}）</em>${en(`withheld (${item})`)}`;
/** A value as shown, or the mark of what was withheld. */
const shown = (value: unknown) => (isWithheld(value) ? withheldMark(value.withheld) : html(value));
const shownText = (value: unknown) =>
  isWithheld(value) ? `不予提供（${itemName(value.withheld)}）` : String(value ?? '');
const yuan = (fen: string | number | null) => (fen === null ? '—' : yuanText(fen));
/** A code as its Chinese label, the English label beneath. */
const label = (name: LabelledEnum, value: string | null | undefined) =>
  value ? `${html(enumValueLabel('zh-CN', name, value))}${en(enumValueLabel('en', name, value))}` : '—';
const trace = (id: unknown) => (id ? `<small class="trace">${html(id)}</small>` : '—');

const holdsText = (holds: boolean | null) =>
  holds === null ? '—' : holds ? `是${en('holds')}` : `否${en('does not hold')}`;

// The rules the decision applied, each with its citation and the comparison in exact figures: the per-capita
// income shown is the amount the decision compared, never a rounded one that could look equal to the line.
function appliedRulesSection(rules: readonly StoredAppliedRule[]): string {
  if (!rules.length) return '';
  const rows = rules
    .map(
      (applied) =>
        `<tr><td>${label('PolicyRule', applied.rule)}</td><td>${html(citePolicyDocument(applied.citation, 'zh-CN'))}</td><td>${html(
          sayAppliedRule(applied, 'zh-CN'),
        )}${en(sayAppliedRule(applied, 'en'))}</td><td>${holdsText(applied.holds)}</td></tr>`,
    )
    .join('');
  return `<h2>适用规则 <small class="en">Rules applied</small></h2>
<table><tr><th>规则</th><th>政策依据</th><th>比较</th><th>是否成立</th></tr>${rows}</table>`;
}

// Says, per department and dataset, whether the centre's check asked the department live or read its last delivery.
function dataSourcesSection(facts: ReportFacts): string {
  const sources = facts.assessment.dataSources;
  if (!sources.length) return '';
  const rows = sources
    .map((source) => {
      return `<tr><td>${label('Dataset', source.dataset)}</td><td>${html(
        facts.departments.get(source.departmentId) ?? '—',
      )}</td><td>${label('DataSourceKind', source.source)}</td><td>${html(source.asOf ?? '—')}</td><td>${source.reason ? `${html(fallbackReason(source.reason))}${en(source.reason)}` : ''}</td><td>${trace(source.snapshotId)}</td></tr>`;
    })
    .join('');
  return `<h2>数据来源 <small class="en">Data sources</small></h2>
<table><tr><th>数据</th><th>提供部门</th><th>来源</th><th>截至</th><th>原因</th><th>批次（留痕）</th></tr>${rows}</table>`;
}

function membersSection(members: ReportFacts['members']): string {
  if (isWithheld(members)) return `<p>${withheldMark(members.withheld)}</p>`;
  const rows = members
    .map(
      (m) => `<tr><td>${shown(m.name)}</td><td>${shown(m.idNumber)}</td><td>${label('Relation', m.relation)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>姓名</th><th>身份证号</th><th>与户主关系</th></tr>${rows}</table>`;
}

function factsCell(facts: unknown): string {
  if (isWithheld(facts)) return withheldMark(facts.withheld);
  const entries = Object.entries((facts ?? {}) as Record<string, unknown>);
  return entries
    .map(([name, value]) => {
      const text = isWithheld(value)
        ? withheldMark(value.withheld)
        : typeof value === 'string' && isUuid(value)
          ? trace(value)
          : html(factValue(name, value));
      return `${html(factName(name))}：${text}`;
    })
    .join('<br>');
}

/** The head of household as disclosed, for the title: a name withheld leaves the region and address to say who. */
function headName(members: ReportFacts['members']): string | null {
  if (isWithheld(members)) return null;
  const name = members.find((member) => member.relation === 'HEAD')?.name;
  return name && !isWithheld(name) ? name : null;
}

export function renderVerificationReport(facts: ReportFacts, generatedAt: Date): string {
  const { run, household, members, assessment } = facts;
  const rows = (pairs: [string, string, string][]) =>
    pairs
      .map(([chinese, english, value]) => `<tr><th>${html(chinese)}${en(english)}</th><td>${value}</td></tr>`)
      .join('');
  const evidence = assessment.findings
    .flatMap((finding) =>
      (finding.evidence.length ? finding.evidence : [{}]).map(
        (item) =>
          `<tr><td>${label('AssessmentFlagCode', finding.flag)}</td><td>${label(
            'Dataset',
            item.dataset === undefined ? null : String(item.dataset),
          )}</td><td>${html(facts.departments.get(String(item.departmentId)) ?? '—')}</td><td>${html(
            item.asOf ?? '—',
          )}</td><td>${factsCell(item.facts)}</td><td>${trace(item.snapshotId)}${
            facts.purgedSnapshotIds.has(String(item.snapshotId))
              ? `<br><small>${PURGED_NOTE}${en(PURGED_NOTE_EN)}</small>`
              : ''
          }</td></tr>`,
      ),
    )
    .join('');
  const head = headName(members);
  const place = `${shownText(household.regionName)} ${shownText(household.address)}`.trim();
  const areaType = isWithheld(household.areaType)
    ? withheldMark(household.areaType.withheld)
    : label('AreaType', household.areaType);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>核对报告 ${html(head ? `${head} · ${place}` : place)}</title>
<style>
body{font:14px/1.5 "Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem auto;max-width:60rem;color:#111}
h1{font-size:1.4rem;text-align:center}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2;width:14rem}
small.en{color:#555;font-size:11px}small.trace{color:#777;font-size:10px;word-break:break-all}
.sign{margin-top:3rem;display:flex;justify-content:space-between}
@media print{body{margin:0;max-width:none}}
</style></head><body>
<h1>居民家庭经济状况核对报告<br><small>Household economic-status verification report</small></h1>
<table>${rows([
    ['核对类型', 'Run', label('ComparisonKind', run.kind)],
    ['核对基准日', 'As of', html(run.asOf)],
    ['户主', 'Head of household', head ? html(head) : '—'],
    ['家庭住址', 'Household', `${shown(household.regionName)} ${shown(household.address)}`],
    ['城乡类别', 'Area type', areaType],
    [
      '认定结果',
      'Classification',
      assessment.classification
        ? label('HouseholdClassification', assessment.classification)
        : `无计入成员${en('no member counts')}`,
    ],
    ['计入成员', 'Members counted', `${assessment.countedMembers} 人`],
    ['家庭月收入', 'Monthly income', yuan(assessment.monthlyIncomeFen)],
    ['刚性支出', 'Rigid expenditure', yuan(assessment.rigidExpenditureFen)],
    [
      '人均月收入',
      'Per-capita income',
      html(
        exactPerCapitaText(
          Math.max(0, Number(assessment.monthlyIncomeFen) - Number(assessment.rigidExpenditureFen)),
          assessment.countedMembers,
          'zh-CN',
        ),
      ),
    ],
    ['低保标准（每人每月）', 'Standard (per person per month)', yuan(assessment.standardMonthlyFen)],
    ['金融资产', 'Financial assets', yuan(assessment.financialAssetsFen)],
    ['月救助金额', 'Monthly benefit', yuan(assessment.monthlyBenefitFen)],
  ])}</table>
${appliedRulesSection(assessment.appliedRules)}
<h2>家庭成员 <small class="en">Members</small></h2>
${membersSection(members)}
<h2>核对发现 <small class="en">Findings</small></h2>
${
  assessment.findings.length
    ? `<table><tr><th>疑点</th><th>数据</th><th>提供部门</th><th>截至</th><th>依据</th><th>批次（留痕）</th></tr>${evidence}</table>`
    : `<p>未发现异常${en('nothing found')}</p>`
}
${dataSourcesSection(facts)}
<p>生成时间：${html(CHINA_TIME.format(generatedAt))}（北京时间）。本报告的每次查阅均记入审计日志。${en(
    'Generated in China Standard Time; every view of this report is recorded in the audit trail.',
  )}</p>
<p><small class="trace">留痕编号 Trace: 核对批次 run ${html(run.id)} · 家庭 household ${html(household.id)}</small></p>
<div class="sign"><span>核对人：____________</span><span>复核人：____________</span><span>日期：____________</span></div>
</body></html>`;
}
