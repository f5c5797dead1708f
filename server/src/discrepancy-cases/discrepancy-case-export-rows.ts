import { maskedIdNumber } from '@hub/schema/disclosure/masks';
import { enumValueLabel, enumValueLabels, type LabelledEnum } from '@hub/schema/enum-labels/enum-value-label';
import type pg from 'pg';

/** The CSV's columns: headers and codes in Chinese for the offices that print it; money in yuan; identity numbers masked. */
export const CASE_EXPORT_HEADERS = [
  '案件编号',
  '乡镇/街道',
  '户主',
  '户主身份证号',
  '疑点',
  '核对类型',
  '状态',
  '开案日期',
  '办理期限',
  '是否逾期',
  '经办人',
  '处理结果',
  '处理措施',
  '不予认定理由',
  '人均月收入（元）',
  '月保障金（元）',
  '办结日期',
] as const;

// The latest flagging run's assessment gives the figures; the head is the member the register names HEAD.
const CASE_ROWS = `
  SELECT c.id, g.name AS office, head.name AS head_name, head.id_number AS head_id_number,
         array_to_string(c.flags::text[], ';') AS flags, c.kind::text AS kind, c.status::text AS status,
         to_char(c.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS opened_on,
         to_char(c.due_on, 'YYYY-MM-DD') AS due_on,
         c.status IN ('OPEN', 'IN_PROGRESS', 'APPEALED') AND c.due_on < $2::date AS overdue,
         u.display_name AS assignee, c.outcome::text AS outcome, c.action::text AS action,
         c.dismissal_reason::text AS dismissal_reason, a.per_capita_income_fen::text AS per_capita_income_fen,
         a.monthly_benefit_fen::text AS monthly_benefit_fen,
         to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_on, c.household_id
    FROM discrepancy_cases c
    JOIN regions g ON g.code = c.office_region_code
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN household_assessments a ON a.run_id = c.latest_run_id AND a.household_id = c.household_id
    LEFT JOIN LATERAL (SELECT p.name, p.id_number FROM persons p
                        WHERE p.household_id = c.household_id AND p.relation = 'HEAD' LIMIT 1) head ON true
   WHERE (c.office_region_code = ANY($1::text[]) OR c.escalated_to_region_code = ANY($1::text[]))
     AND ($3::text IS NULL OR c.status::text = $3)
     AND ($4::text IS NULL OR $4 = ANY(c.flags::text[]))
     AND ($5::uuid IS NULL OR c.assignee_id = $5)
     AND (NOT $6::boolean OR (c.status IN ('OPEN', 'IN_PROGRESS', 'APPEALED') AND c.due_on < $2::date))
     AND ($7::int IS NULL OR (c.status IN ('OPEN', 'IN_PROGRESS', 'APPEALED')
                              AND c.due_on BETWEEN $2::date AND $2::date + $7::int))
   ORDER BY c.due_on, c.id`;

interface CaseRow {
  id: string;
  office: string;
  head_name: string | null;
  head_id_number: string | null;
  flags: string;
  kind: string;
  status: string;
  opened_on: string;
  due_on: string;
  overdue: boolean;
  assignee: string | null;
  outcome: string | null;
  action: string | null;
  dismissal_reason: string | null;
  per_capita_income_fen: string | null;
  monthly_benefit_fen: string | null;
  closed_on: string | null;
  household_id: string;
}

/** Fen as yuan with two decimals, exactly (no floating point). */
export function yuan(fen: string | null): string | null {
  if (fen === null) return null;
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

const label = (name: LabelledEnum, value: string | null) => value && enumValueLabel('zh-CN', name, value);

const maskedName = (name: string) => [...name][0] + '*'.repeat(Math.max([...name].length - 1, 1));

/** What the export may be narrowed to, as the portal's inbox filters it (the GraphQL filter's meanings). */
export interface CaseExportFilter {
  status: string | null;
  flag?: string | null;
  /** Only the cases assigned to this user. */
  assigneeId?: string | null;
  /** Only the cases waiting for a decision past their due date. */
  overdue?: boolean;
  /** Only the cases waiting for a decision, due from today to this many calendar days on. */
  dueWithinDays?: number | null;
}

/** The cases of the offices, narrowed by the filter, as CSV cells; with the households they show. */
export async function readDiscrepancyCaseRows(
  pool: pg.Pool,
  options: { offices: ReadonlySet<string>; today: string } & CaseExportFilter,
): Promise<{ rows: (string | null)[][]; householdIds: string[] }> {
  if (options.offices.size === 0) return { rows: [], householdIds: [] };
  const { rows } = await pool.query<CaseRow>(CASE_ROWS, [
    [...options.offices],
    options.today,
    options.status,
    options.flag ?? null,
    options.assigneeId ?? null,
    options.overdue ?? false,
    options.dueWithinDays ?? null,
  ]);
  return {
    householdIds: [...new Set(rows.map((row) => row.household_id))],
    rows: rows.map((row) => [
      row.id,
      row.office,
      row.head_name && maskedName(row.head_name),
      row.head_id_number && maskedIdNumber(row.head_id_number),
      enumValueLabels('zh-CN', 'AssessmentFlagCode', row.flags ? row.flags.split(';') : []),
      label('ComparisonKind', row.kind),
      label('DiscrepancyCaseStatus', row.status),
      row.opened_on,
      row.due_on,
      row.overdue ? '是' : '否',
      row.assignee,
      label('DiscrepancyCaseOutcome', row.outcome),
      label('DiscrepancyCaseAction', row.action),
      label('DiscrepancyDismissalReason', row.dismissal_reason),
      yuan(row.per_capita_income_fen),
      yuan(row.monthly_benefit_fen),
      row.closed_on,
    ]),
  };
}
