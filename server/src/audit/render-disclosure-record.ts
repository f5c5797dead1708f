import { findDataItem } from '@hub/schema/catalogue';
import type { PersonDisclosure } from '@hub/schema/context';
import { PURPOSE_NAMES } from '@hub/schema/purposes/purpose-names';

// The person's disclosure record (查询记录) as a page the counter prints and hands to them: about them only, in
// Chinese, every disclosure with when, to whom, why, what and on what grounds. Modelled on Estonia's Data Tracker.

export interface DisclosureRecordFacts {
  name: string;
  /** Masked: the page may leave the office. */
  maskedIdNumber: string;
  disclosures: readonly PersonDisclosure[];
  /** True when there were more than the page lists. */
  truncated: boolean;
}

const html = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'medium',
  hourCycle: 'h23',
});

const ACTORS: Record<string, string> = { USER: '工作人员', API_CLIENT: '业务系统接口', SYSTEM: '系统', ANONYMOUS: '—' };

function row(disclosure: PersonDisclosure): string {
  const items = disclosure.itemsDisclosed.map((code) => findDataItem(code)?.name.zh ?? code).join('、');
  const grounds = [
    ...disclosure.agreementCodes.map((code) => `共享协议 ${code}`),
    ...disclosure.consentReferences.map((reference) => `本人授权书 ${reference}`),
  ];
  return `<tr><td>${html(CHINA_TIME.format(disclosure.occurredAt))}</td><td>${html(disclosure.departmentName ?? '—')}（${html(
    ACTORS[disclosure.actorKind] ?? disclosure.actorKind,
  )}）</td><td>${html(disclosure.purpose ? PURPOSE_NAMES[disclosure.purpose] : '—')}</td><td>${html(items)}${
    disclosure.aboutHousehold ? '（家庭信息）' : ''
  }</td><td>${html(grounds.join('；') || '本部门自有数据')}</td></tr>`;
}

export function renderDisclosureRecord(facts: DisclosureRecordFacts, printedAt: Date): string {
  const body = facts.disclosures.length
    ? `<table><tr><th>时间</th><th>查询部门</th><th>用途</th><th>提供的信息</th><th>依据</th></tr>${facts.disclosures
        .map(row)
        .join('')}</table>${facts.truncated ? '<p>仅列出最近的记录；更早的记录可向核对机构申请。</p>' : ''}`
    : '<p>未查到向任何部门提供您信息的记录。</p>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>个人信息查询记录</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; }
@media print { body { margin: 0; } }
</style></head><body>
<h1>个人信息查询记录</h1>
<p>姓名：${html(facts.name)}　公民身份号码：${html(facts.maskedIdNumber)}</p>
<p>以下是居民家庭经济状况核对平台向各部门提供您（或您所在家庭）信息的全部记录，每条记录均已写入防篡改的审计日志。</p>
${body}
<p>打印时间：${html(CHINA_TIME.format(printedAt))}。如对记录有疑问，可向所在地民政部门核对机构咨询。</p>
</body></html>`;
}
