import type { AssessmentFlagCode, Dataset } from '@hub/prisma';
import type pg from 'pg';
import { householdMembersAsOfSql } from '../register/household-members-as-of.ts';
import { enrolledCaseSql } from './rules.ts';

// The household assessment as one set-based statement over one chunk of a run: each rule of domain.md is one
// named expression (a CTE or a column of `judged`), with the sentence it implements beside it. Every threshold
// comes from the household's assistance_standards row; only records of CURRENT snapshots count. Money is integer
// fen (bigint); comparisons with the standard multiply the standard by the members instead of dividing the
// income, so no rounding ever decides a classification. The per-capita figure stored is rounded down to the fen.
//
// The engine reads department tables directly: the verification centre's access is in principle governed by its
// sharing agreements (the demo gives it FULL agreements on everything); enforcing them here is left for later.

// The CURRENT snapshots' ids, read once per chunk, as a filter on each record rather than a join. An APPLICATION
// run also reads its live answers ($7): a person a department answered for live counts that answer's records, not
// the department's bulk ones (live_answered); a person it did not answer for falls back on the bulk snapshot.
function current(alias: string, live: boolean, person = 'person_id'): string {
  if (!live) return `${alias}.snapshot_id = ANY($6::uuid[])`;
  return `((${alias}.snapshot_id = ANY($6::uuid[]) AND NOT EXISTS (SELECT 1 FROM live_answered la
      WHERE la.replaced_snapshot_id = ${alias}.snapshot_id AND la.person_id = ${alias}.${person}))
    OR ${alias}.snapshot_id = ANY($7::uuid[]))`;
}

/** The provenance of one record: which department delivered it, in which snapshot, as at when, and whether live. */
function evidence(live: boolean, alias: string, dataset: Dataset, personId: string, facts: string): string {
  const source = live
    ? `CASE WHEN ${alias}.snapshot_id = ANY($7::uuid[]) THEN 'LIVE' ELSE 'SNAPSHOT' END`
    : "'SNAPSHOT'";
  return `jsonb_build_object('departmentId', ${alias}.department_id, 'dataset', '${dataset}', 'recordId', ${alias}.id,
    'snapshotId', ${alias}.snapshot_id, 'asOf', ${alias}.as_of, 'source', ${source}, 'personId', ${personId},
    'facts', jsonb_build_object(${facts}))`;
}

function missing(dataset: string, departmentId: string, personId: string, what: string): string {
  return `jsonb_build_object('departmentId', ${departmentId}, 'dataset', ${dataset}, 'recordId', NULL,
    'snapshotId', NULL, 'asOf', NULL, 'personId', ${personId}, 'facts', jsonb_build_object('missing', '${what}'))`;
}

// Where each household's data came from, per department and dataset: LIVE for the members a live answer covered,
// SNAPSHOT_FALLBACK (with the reason) for those it did not, SNAPSHOT for datasets asked of no live connector.
const DATA_SOURCES_SQL = `,
live_use AS (
  SELECT m.household_id, l.id AS snapshot_id, l.department_id, l.dataset, l.as_of, count(*) AS asked,
         count(*) FILTER (WHERE lp.outcome <> 'UNANSWERED') AS answered,
         count(*) FILTER (WHERE lp.outcome = 'UNANSWERED') AS unanswered,
         string_agg(DISTINCT lp.failure, ', ') AS failures
    FROM member m JOIN live_snapshot_persons lp ON lp.person_id = m.person_id AND lp.snapshot_id = ANY($7::uuid[])
    JOIN dataset_snapshots l ON l.id = lp.snapshot_id
   GROUP BY m.household_id, l.id
),
data_source AS (
  SELECT u.household_id, u.dataset, u.department_id, jsonb_build_object('departmentId', u.department_id,
           'dataset', u.dataset, 'source', 'LIVE', 'snapshotId', u.snapshot_id, 'asOf', u.as_of, 'reason', NULL) AS source
    FROM live_use u WHERE u.answered > 0
  UNION ALL
  SELECT u.household_id, u.dataset, u.department_id, jsonb_build_object('departmentId', u.department_id,
           'dataset', u.dataset, 'source', 'SNAPSHOT_FALLBACK', 'snapshotId', cur.id, 'asOf', cur.as_of,
           'reason', u.failures || ' for ' || u.unanswered || ' of ' || u.asked || ' members'
             || CASE WHEN cur.id IS NULL THEN '; no CURRENT snapshot to fall back on' ELSE '' END)
    FROM live_use u
    LEFT JOIN dataset_snapshots cur ON cur.department_id = u.department_id AND cur.dataset = u.dataset
     AND cur.status = 'CURRENT'
   WHERE u.unanswered > 0
  UNION ALL
  SELECT c.household_id, s.dataset, s.department_id, jsonb_build_object('departmentId', s.department_id,
           'dataset', s.dataset, 'source', 'SNAPSHOT', 'snapshotId', s.id, 'asOf', s.as_of, 'reason', NULL)
    FROM cohort c CROSS JOIN dataset_snapshots s
   WHERE s.status = 'CURRENT' AND s.dataset = ANY($4::"Dataset"[])
     AND NOT EXISTS (SELECT 1 FROM dataset_snapshots l
                      WHERE l.id = ANY($7::uuid[]) AND l.department_id = s.department_id AND l.dataset = s.dataset)
),
data_source_set AS (
  SELECT household_id, jsonb_agg(source ORDER BY dataset, department_id, source->>'source') AS sources
    FROM data_source GROUP BY household_id
)`;

// The persons each live answer speaks for, with the bulk snapshot whose records of them it replaces.
const LIVE_ANSWERED_SQL = `CREATE TEMP TABLE live_answered ON COMMIT DROP AS
  SELECT lp.person_id, cur.id AS replaced_snapshot_id
    FROM dataset_snapshots l
    JOIN live_snapshot_persons lp ON lp.snapshot_id = l.id AND lp.outcome <> 'UNANSWERED'
    JOIN dataset_snapshots cur ON cur.department_id = l.department_id AND cur.dataset = l.dataset
     AND cur.status = 'CURRENT'
   WHERE l.id = ANY($1::uuid[])`;

// The chunk's households with their standard, and their members, as analysed temporary tables: the statement
// below then gets row estimates the planner can trust (a CTE over unnest() is guessed at one row, which turns
// every join into a nested loop over the whole chunk).
const PREPARE_CHUNK_SQL = [
  `CREATE TEMP TABLE assessed_household ON COMMIT DROP AS
   WITH
   cohort AS (
     SELECT h.id AS household_id, h.region_code, h.area_type
       FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
       JOIN households h ON h.id = listed.id
      WHERE ch.run_id = $1 AND ch.chunk_no = $2
   ),
   ancestry AS (
     SELECT c.region_code, above.code AS ancestor_code, above.depth
       FROM (SELECT DISTINCT region_code FROM cohort) c CROSS JOIN LATERAL hub_region_tree(c.region_code, 'ABOVE') above
   )
   -- Standards differ by region and by urban/rural, and change every year: a region without its own takes the nearest enclosing one's.
   SELECT DISTINCT ON (c.household_id) c.household_id, c.region_code, c.area_type,
          st.minimum_living_monthly_fen::bigint AS standard_fen, st.low_income_multiplier, st.financial_asset_months,
          st.max_homes, st.exempt_vehicle_max_value_fen, st.employment_cost_deduction_fen
     FROM cohort c
     LEFT JOIN ancestry a ON a.region_code = c.region_code
     LEFT JOIN assistance_standards st ON st.region_code = a.ancestor_code AND st.area_type = c.area_type
      AND st.year = extract(year FROM $3::date)::int
    ORDER BY c.household_id, st.id IS NULL, a.depth`,
  `CREATE TEMP TABLE assessed_member ON COMMIT DROP AS
   SELECT person_id, household_id, id_number FROM (${householdMembersAsOfSql('assessed_household', '$1::date')}) m`,
  'ANALYZE assessed_household, assessed_member',
];

const assessHouseholdsSql = (live: boolean) => `
WITH
cohort AS (SELECT household_id, region_code, area_type FROM assessed_household),
current_snapshot AS MATERIALIZED (
  SELECT s.id, s.dataset FROM dataset_snapshots s WHERE s.status = 'CURRENT'${live ? ' OR s.id = ANY($7::uuid[])' : ''}
),
standard AS (
  SELECT household_id, standard_fen, low_income_multiplier, financial_asset_months, max_homes,
         exempt_vehicle_max_value_fen, employment_cost_deduction_fen
    FROM assessed_household
),
member AS (SELECT person_id, household_id, id_number FROM assessed_member),
-- Deaths show up as hukou cancellations (police) and cremation records (civil affairs); a death after the as-of date is not one yet.
death AS (
  SELECT m.household_id, m.person_id,
         ${evidence(live, 'hr', 'HUKOU', 'hr.person_id', "'cancelledOn', hr.cancelled_on, 'cancellationReason', hr.cancellation_reason")} AS evidence
    FROM member m JOIN hukou_records hr ON hr.person_id = m.person_id
   WHERE ${current('hr', live)} AND hr.status = 'CANCELLED' AND hr.cancellation_reason = 'DEATH' AND hr.cancelled_on <= $5::date
  UNION ALL
  SELECT m.household_id, m.person_id,
         ${evidence(live, 'cr', 'CREMATION', 'cr.person_id', "'diedOn', cr.died_on, 'funeralHome', cr.funeral_home")}
    FROM member m JOIN cremation_records cr ON cr.person_id = m.person_id
   WHERE ${current('cr', live)} AND cr.died_on <= $5::date
),
-- Per capita over the members who count: those alive on the as-of date; their records alone are the household's.
counted AS (
  SELECT m.* FROM member m WHERE NOT EXISTS (SELECT 1 FROM death d WHERE d.person_id = m.person_id)
),
-- An employment-cost deduction applies to wages in some places: each wage in force less the standard's deduction, never below zero.
wage AS (
  SELECT c.household_id, c.person_id,
         greatest(0, e.monthly_wage_fen - st.employment_cost_deduction_fen)::bigint AS amount_fen,
         ${evidence(live, 'e', 'EMPLOYMENT', 'e.person_id', "'monthlyWageFen', e.monthly_wage_fen, 'employerName', e.employer_name")} AS evidence
    FROM counted c JOIN employment_records e ON e.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('e', live)} AND e.started_on <= $5::date AND (e.ended_on IS NULL OR e.ended_on >= $5::date)
),
income AS (
  SELECT household_id, amount_fen, evidence FROM wage
  UNION ALL
  SELECT c.household_id, pr.monthly_amount_fen::bigint,
         ${evidence(live, 'pr', 'PENSION', 'pr.person_id', "'monthlyAmountFen', pr.monthly_amount_fen, 'pensionType', pr.pension_type")}
    FROM counted c JOIN pension_records pr ON pr.person_id = c.person_id
   WHERE ${current('pr', live)} AND pr.started_on <= $5::date AND (pr.stopped_on IS NULL OR pr.stopped_on > $5::date)
  UNION ALL
  SELECT c.household_id, ub.monthly_amount_fen::bigint,
         ${evidence(live, 'ub', 'UNEMPLOYMENT_BENEFIT', 'ub.person_id', "'monthlyAmountFen', ub.monthly_amount_fen, 'endsOn', ub.ends_on")}
    FROM counted c JOIN unemployment_benefit_records ub ON ub.person_id = c.person_id
   WHERE ${current('ub', live)} AND ub.started_on <= $5::date AND ub.ends_on >= $5::date
  UNION ALL
  SELECT c.household_id, br.monthly_income_fen::bigint,
         ${evidence(live, 'br', 'BUSINESS_REGISTRATION', 'br.person_id', "'monthlyIncomeFen', br.monthly_income_fen, 'enterpriseName', br.enterprise_name")}
    FROM counted c JOIN business_registrations br ON br.person_id = c.person_id
   WHERE ${current('br', live)} AND br.status = 'ACTIVE' AND br.registered_on <= $5::date AND br.monthly_income_fen IS NOT NULL
  UNION ALL
  -- A housing-fund contribution reveals the wage where no wage is on record: contribution ÷ (2 × each side's rate), rounded down to the fen, less the employment-cost deduction.
  SELECT c.household_id,
         greatest(0, floor(hf.monthly_contribution_fen / (2 * hf.contribution_rate)) - st.employment_cost_deduction_fen)::bigint,
         ${evidence(
           live,
           'hf',
           'HOUSING_FUND',
           'hf.person_id',
           `'monthlyContributionFen', hf.monthly_contribution_fen, 'contributionRate', hf.contribution_rate,
            'impliedWageFen', floor(hf.monthly_contribution_fen / (2 * hf.contribution_rate))`,
         )}
    FROM counted c JOIN housing_fund_accounts hf ON hf.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('hf', live)} AND hf.status = 'PAYING' AND hf.contribution_rate > 0
     AND NOT EXISTS (SELECT 1 FROM wage w WHERE w.person_id = c.person_id)
),
-- 刚性支出: the large medical and education costs declared in the household's latest application are deducted from its income.
rigid_expenditure AS (
  SELECT DISTINCT ON (a.household_id) a.household_id, a.kind,
         (a.medical_expense_monthly_fen + a.education_expense_monthly_fen)::bigint AS amount_fen,
         jsonb_build_object('departmentId', NULL, 'dataset', 'APPLICATION', 'recordId', a.id, 'snapshotId', NULL,
           'asOf', a.submitted_on, 'personId', NULL, 'facts', jsonb_build_object(
             'medicalExpenseMonthlyFen', a.medical_expense_monthly_fen,
             'educationExpenseMonthlyFen', a.education_expense_monthly_fen)) AS evidence
    FROM applications a
   WHERE a.household_id IN (SELECT household_id FROM cohort) AND a.submitted_on <= $5::date
     AND a.status NOT IN ('REJECTED', 'WITHDRAWN')
   ORDER BY a.household_id, a.submitted_on DESC, a.created_at DESC, a.id
),
enrolment AS (
  SELECT DISTINCT ON (ac.household_id) ac.household_id, ac.kind, ac.status, ac.grace_period_ends_on
    FROM assistance_cases ac
   WHERE ac.household_id IN (SELECT household_id FROM cohort) AND ${enrolledCaseSql('ac', '$5::date')}
   ORDER BY ac.household_id, ac.started_on DESC, ac.id
),
-- Financial assets: deposits, and wealth products at market value.
financial_asset AS (
  SELECT c.household_id, d.balance_fen AS amount_fen,
         ${evidence(live, 'd', 'BANK_DEPOSIT', 'd.person_id', "'balanceFen', d.balance_fen, 'depositType', d.deposit_type")} AS evidence
    FROM counted c JOIN bank_deposits d ON d.person_id = c.person_id WHERE ${current('d', live)}
  UNION ALL
  SELECT c.household_id, w.market_value_fen,
         ${evidence(live, 'w', 'WEALTH_PRODUCT', 'w.person_id', "'marketValueFen', w.market_value_fen, 'productName', w.product_name")}
    FROM counted c JOIN wealth_products w ON w.person_id = c.person_id WHERE ${current('w', live)}
),
-- No vehicle, except disability vehicles and motorcycles, and where the standard says so one worth at most the exempt value.
non_exempt_vehicle AS (
  SELECT c.household_id,
         ${evidence(live, 'v', 'VEHICLE', 'v.person_id', "'vehicleType', v.vehicle_type, 'estimatedValueFen', v.estimated_value_fen, 'plateNumber', v.plate_number")} AS evidence
    FROM counted c JOIN vehicle_records v ON v.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('v', live)} AND v.registered_on <= $5::date AND v.vehicle_type NOT IN ('MOTORCYCLE', 'DISABILITY_VEHICLE')
     AND (st.exempt_vehicle_max_value_fen IS NULL OR v.estimated_value_fen > st.exempt_vehicle_max_value_fen)
),
-- Property the household owns (a public rental flat is rented, not owned).
owned_property AS (
  SELECT c.household_id, pr.certificate_number, pr.use,
         ${evidence(live, 'pr', 'REAL_ESTATE', 'pr.person_id', "'use', pr.use, 'areaM2', pr.area_m2, 'address', pr.address")} AS evidence
    FROM counted c JOIN property_records pr ON pr.person_id = c.person_id
   WHERE ${current('pr', live)} AND NOT pr.is_public_rental AND pr.acquired_on <= $5::date
),
-- Business registration (sole trader, legal representative, manager, controlling shareholder) disqualifies.
active_business AS (
  SELECT c.household_id,
         ${evidence(live, 'br', 'BUSINESS_REGISTRATION', 'br.person_id', "'role', br.role, 'enterpriseName', br.enterprise_name, 'creditCode', br.credit_code")} AS evidence
    FROM counted c JOIN business_registrations br ON br.person_id = c.person_id
   WHERE ${current('br', live)} AND br.status = 'ACTIVE' AND br.registered_on <= $5::date
),
staff AS (
  SELECT sm.person_id, p.id_number,
         ${evidence(live, 'sm', 'STAFF_ROSTER', 'sm.person_id', "'role', sm.role, 'position', sm.position")} AS evidence
    FROM staff_members sm JOIN persons p ON p.id = sm.person_id WHERE ${current('sm', live)}
),
staff_hukou AS (
  SELECT s.person_id, hr.hukou_number,
         ${evidence(live, 'hr', 'HUKOU', 'hr.person_id', "'hukouNumber', hr.hukou_number")} AS evidence
    FROM staff s JOIN hukou_records hr ON hr.person_id = s.person_id WHERE ${current('hr', live)} AND hr.status = 'ACTIVE'
),
-- Close relatives of staff: the staff member lives in the household, shares a member's hukou booklet, or is a member's registered spouse.
staff_kin AS (
  SELECT c.household_id, s.person_id AS staff_person_id, s.evidence FROM counted c JOIN staff s ON s.person_id = c.person_id
  UNION ALL
  SELECT c.household_id, sh.person_id, sh.evidence
    FROM counted c JOIN hukou_records hr ON hr.person_id = c.person_id
    JOIN staff_hukou sh ON sh.hukou_number = hr.hukou_number AND sh.person_id <> c.person_id
   WHERE ${current('hr', live)} AND hr.status = 'ACTIVE'
  UNION ALL
  SELECT c.household_id, s.person_id,
         ${evidence(live, 'mr', 'MARRIAGE', 'mr.person_id', "'spouseName', mr.spouse_name, 'registeredOn', mr.registered_on")}
    FROM counted c JOIN marriage_registrations mr ON mr.person_id = c.person_id
    JOIN staff s ON s.id_number = mr.spouse_id_number
   WHERE ${current('mr', live)} AND mr.event = 'MARRIAGE' AND mr.registered_on <= $5::date
     AND NOT EXISTS (
       SELECT 1 FROM marriage_registrations dv
        WHERE dv.person_id = mr.person_id AND dv.spouse_id_number = mr.spouse_id_number AND dv.event = 'DIVORCE'
          AND dv.registered_on >= mr.registered_on AND dv.registered_on <= $5::date AND ${current('dv', live)})
),
-- Staff and their close relatives who receive 低保 must be filed (近亲属备案): a filing by that staff member naming any member covers the household.
unfiled_staff_relative AS (
  SELECT k.household_id, k.evidence FROM staff_kin k
   WHERE NOT EXISTS (
     SELECT 1 FROM staff_relative_filings f JOIN member m ON m.person_id = f.relative_person_id
      WHERE f.staff_person_id = k.staff_person_id AND m.household_id = k.household_id
        AND f.filed_on <= $5::date AND ${current('f', live, 'relative_person_id')})
),
-- A department gave nothing: a dataset the run reads has no CURRENT snapshot, a bank delivered no deposits, or the police hold no hukou entry for a member.
data_missing AS (
  SELECT c.household_id, ${missing('d.dataset', 'NULL', 'NULL', 'no CURRENT snapshot')} AS evidence
    FROM cohort c CROSS JOIN unnest($4::"Dataset"[]) AS d(dataset)
   WHERE NOT EXISTS (SELECT 1 FROM current_snapshot s WHERE s.dataset = d.dataset)
  UNION ALL
  SELECT c.household_id, ${missing("'BANK_DEPOSIT'", 'dep.id', 'NULL', 'no CURRENT snapshot from this bank')}
    FROM cohort c CROSS JOIN departments dep
   WHERE dep.kind = 'BANK' AND 'BANK_DEPOSIT' = ANY($4::"Dataset"[])
     AND NOT EXISTS (SELECT 1 FROM dataset_snapshots s
                      WHERE s.department_id = dep.id AND s.dataset = 'BANK_DEPOSIT'
                        AND (s.status = 'CURRENT'${live ? ' OR s.id = ANY($7::uuid[])' : ''}))
  UNION ALL
  SELECT m.household_id, ${missing("'HUKOU'", 'NULL', 'm.person_id', 'no hukou record')}
    FROM member m
   WHERE NOT EXISTS (SELECT 1 FROM hukou_records hr WHERE hr.person_id = m.person_id AND ${current('hr', live)})
),
counted_total AS (SELECT household_id, count(*)::int AS members FROM counted GROUP BY household_id),
income_total AS (
  SELECT household_id, sum(amount_fen)::bigint AS amount_fen, jsonb_agg(evidence) AS evidence FROM income GROUP BY household_id
),
asset_total AS (
  SELECT household_id, sum(amount_fen)::bigint AS amount_fen, jsonb_agg(evidence) AS evidence
    FROM financial_asset GROUP BY household_id
),
property_total AS (
  SELECT household_id, count(DISTINCT certificate_number) FILTER (WHERE use = 'RESIDENTIAL') AS homes,
         bool_or(use <> 'RESIDENTIAL') AS has_non_residential, jsonb_agg(evidence) AS evidence
    FROM owned_property GROUP BY household_id
),
totals AS (
  SELECT c.household_id, st.standard_fen, st.low_income_multiplier, st.financial_asset_months, st.max_homes,
         coalesce(ct.members, 0) AS members, coalesce(it.amount_fen, 0) AS income_fen,
         it.evidence AS income_evidence, coalesce(rx.amount_fen, 0) AS rigid_fen, rx.evidence AS rigid_evidence,
         rx.kind AS application_kind, coalesce(at.amount_fen, 0) AS assets_fen, at.evidence AS asset_evidence,
         coalesce(pt.homes, 0) AS homes, coalesce(pt.has_non_residential, false) AS has_non_residential,
         pt.evidence AS property_evidence, en.kind AS case_kind, en.status AS case_status, en.grace_period_ends_on
    FROM cohort c
    LEFT JOIN standard st ON st.household_id = c.household_id
    LEFT JOIN counted_total ct ON ct.household_id = c.household_id
    LEFT JOIN income_total it ON it.household_id = c.household_id
    LEFT JOIN rigid_expenditure rx ON rx.household_id = c.household_id
    LEFT JOIN asset_total at ON at.household_id = c.household_id
    LEFT JOIN property_total pt ON pt.household_id = c.household_id
    LEFT JOIN enrolment en ON en.household_id = c.household_id
),
judged AS (
  SELECT t.*,
    -- Rigid expenditure (刚性支出) is deducted from household income before the comparison.
    greatest(0, t.income_fen - t.rigid_fen) AS net_income_fen,
    -- 低保: per-capita income not above the local standard.
    greatest(0, t.income_fen - t.rigid_fen) <= t.members * t.standard_fen AS is_income_within_standard,
    -- 低收入: per-capita income above the standard but not above the low-income multiple (1.5 ×) of it.
    greatest(0, t.income_fen - t.rigid_fen) > t.members * t.standard_fen
      AND greatest(0, t.income_fen - t.rigid_fen) <= t.members * t.standard_fen * t.low_income_multiplier
      AS is_within_low_income_band,
    -- Financial assets per head at most N months of the 低保 standard.
    t.assets_fen <= t.members * t.financial_asset_months * t.standard_fen AS are_financial_assets_within_limit,
    EXISTS (SELECT 1 FROM non_exempt_vehicle v WHERE v.household_id = t.household_id) AS has_non_exempt_vehicle,
    -- At most the standard's number of homes (one), no non-residential property.
    t.homes > t.max_homes OR t.has_non_residential AS has_excess_property,
    EXISTS (SELECT 1 FROM active_business b WHERE b.household_id = t.household_id) AS has_active_business,
    -- 渐退期: a recipient who found work keeps the benefit until the case's grace period ends.
    coalesce(t.case_status = 'GRACE_PERIOD' AND t.grace_period_ends_on >= $5::date, false) AS is_in_grace_period,
    -- A low-income household's line is the low-income multiple of the standard; every other household's the standard.
    CASE WHEN coalesce(t.case_kind, t.application_kind) = 'LOW_INCOME' THEN t.low_income_multiplier ELSE 1 END
      AS income_line_multiple
  FROM totals t
),
classified AS (
  SELECT j.*,
    j.members > 0 AND NOT j.is_in_grace_period
      AND j.net_income_fen > j.members * j.standard_fen * j.income_line_multiple AS is_income_above_line,
    CASE
      WHEN j.members = 0 THEN NULL
      WHEN NOT j.are_financial_assets_within_limit OR j.has_non_exempt_vehicle OR j.has_excess_property
        OR j.has_active_business THEN 'ABOVE_LINE'
      WHEN j.is_income_within_standard THEN 'MINIMUM_LIVING'
      WHEN j.is_within_low_income_band THEN 'LOW_INCOME'
      ELSE 'ABOVE_LINE'
    END::"HouseholdClassification" AS classification
  FROM judged j
),
finding AS (
  SELECT household_id, 'DECEASED_MEMBER'::"AssessmentFlagCode" AS flag, jsonb_agg(evidence) AS evidence
    FROM death GROUP BY household_id
  UNION ALL
  SELECT household_id, 'INCOME_ABOVE_STANDARD', coalesce(income_evidence, '[]')
    || CASE WHEN rigid_fen > 0 THEN jsonb_build_array(rigid_evidence) ELSE '[]' END
    FROM classified WHERE is_income_above_line
  UNION ALL
  SELECT household_id, 'FINANCIAL_ASSETS_OVER_LIMIT', asset_evidence FROM classified WHERE NOT are_financial_assets_within_limit
  UNION ALL
  SELECT household_id, 'NON_EXEMPT_VEHICLE', jsonb_agg(evidence) FROM non_exempt_vehicle GROUP BY household_id
  UNION ALL
  SELECT household_id, 'EXCESS_PROPERTY', property_evidence FROM classified WHERE has_excess_property
  UNION ALL
  SELECT household_id, 'BUSINESS_REGISTERED', jsonb_agg(evidence) FROM active_business GROUP BY household_id
  UNION ALL
  SELECT household_id, 'UNFILED_STAFF_RELATIVE', jsonb_agg(evidence) FROM unfiled_staff_relative GROUP BY household_id
  UNION ALL
  SELECT household_id, 'DATA_MISSING', jsonb_agg(evidence) FROM data_missing GROUP BY household_id
),
flag_set AS (
  SELECT household_id, array_agg(flag ORDER BY flag) AS flags,
         jsonb_agg(jsonb_build_object('flag', flag, 'evidence', evidence) ORDER BY flag) AS findings
    FROM finding WHERE flag = ANY($3::"AssessmentFlagCode"[]) GROUP BY household_id
)${live ? DATA_SOURCES_SQL : ''}
INSERT INTO household_assessments AS ha (run_id, household_id, chunk_no, classification, counted_members,
  monthly_income_fen, rigid_expenditure_fen, per_capita_income_fen, standard_monthly_fen, financial_assets_fen,
  flags, findings, data_sources, assessed_at)
SELECT $1, c.household_id, $2, c.classification, c.members, c.income_fen, c.rigid_fen,
       -- Per capita, rounded down to the fen (the net income is never negative, so integer division floors).
       CASE WHEN c.members > 0 THEN c.net_income_fen / c.members END,
       c.standard_fen, c.assets_fen, coalesce(f.flags, '{}'), coalesce(f.findings, '[]'),
       ${live ? "coalesce(ds.sources, '[]')" : "'[]'::jsonb"}, now()
  FROM classified c LEFT JOIN flag_set f ON f.household_id = c.household_id
  ${live ? 'LEFT JOIN data_source_set ds ON ds.household_id = c.household_id' : ''}
ON CONFLICT (run_id, household_id) DO UPDATE SET
  chunk_no = EXCLUDED.chunk_no, classification = EXCLUDED.classification, counted_members = EXCLUDED.counted_members,
  monthly_income_fen = EXCLUDED.monthly_income_fen, rigid_expenditure_fen = EXCLUDED.rigid_expenditure_fen,
  per_capita_income_fen = EXCLUDED.per_capita_income_fen, standard_monthly_fen = EXCLUDED.standard_monthly_fen,
  financial_assets_fen = EXCLUDED.financial_assets_fen, flags = EXCLUDED.flags, findings = EXCLUDED.findings,
  data_sources = EXCLUDED.data_sources, assessed_at = EXCLUDED.assessed_at`;

const ASSESS_HOUSEHOLDS_SQL = assessHouseholdsSql(false);
const ASSESS_WITH_LIVE_ANSWERS_SQL = assessHouseholdsSql(true);

/**
 * Assesses one chunk's households and writes (or rewrites) their results; returns how many. `live` (APPLICATION
 * runs) names the live answers fetched for the chunk (LIVE snapshots); each result then says which data it used.
 */
export async function assessHouseholds(
  client: pg.ClientBase,
  chunk: { runId: string; chunkNo: number; asOf: string },
  checked: { flags: readonly AssessmentFlagCode[]; datasets: readonly Dataset[] },
  live?: { snapshotIds: readonly string[] },
): Promise<number> {
  const [household, member, analyze] = PREPARE_CHUNK_SQL as [string, string, string];
  await client.query(household, [chunk.runId, chunk.chunkNo, chunk.asOf]);
  await client.query(member, [chunk.asOf]);
  if (live) await client.query(LIVE_ANSWERED_SQL, [live.snapshotIds]);
  await client.query(live ? `${analyze}, live_answered` : analyze);
  const snapshots = await client.query<{ ids: string[] }>(
    "SELECT coalesce(array_agg(id), '{}') AS ids FROM dataset_snapshots WHERE status = 'CURRENT'",
  );
  const parameters = [
    chunk.runId,
    chunk.chunkNo,
    checked.flags,
    checked.datasets,
    chunk.asOf,
    snapshots.rows[0]?.ids ?? [],
  ];
  const result = live
    ? await client.query(ASSESS_WITH_LIVE_ANSWERS_SQL, [...parameters, live.snapshotIds])
    : await client.query(ASSESS_HOUSEHOLDS_SQL, parameters);
  return result.rowCount ?? 0;
}
