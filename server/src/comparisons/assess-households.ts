import type { AssessmentFlagCode, Dataset, Purpose } from '@hub/prisma';
import { basisCitations } from '@hub/prisma/policy/policy-rules';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import type pg from 'pg';
import { gracePeriodEndSql } from '../register/grace-period-end.ts';
import { householdMembersAsOfSql } from '../register/household-members-as-of.ts';
import { aboveFloorSql } from './above-floor-sql.ts';
import { APPLIED_RULES_SQL } from './applied-rules-sql.ts';
import { openApplicationSql } from './open-application.ts';
import { REGISTER_CLOSE_RELATIVES_SQL } from './register-close-relatives.ts';
import { enrolledCaseSql } from './rules.ts';
import { withinLineSql } from './within-line-sql.ts';

// The household assessment as one set-based statement over one chunk of a run: each rule of domain.md is one
// named expression (a CTE or a column of `judged`), with the sentence it implements beside it. Every figure and
// reading comes from the policy version in force (assistance_standards), and each decision lists the rules it
// applied with their citations (applied-rules-sql.ts); only records of CURRENT snapshots count. Money is integer
// fen (bigint); comparisons with a line multiply the line by the members instead of dividing the income, so no
// rounding ever decides a classification. The per-capita figure stored is rounded down to the fen.
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

// The datasets whose records about a person may be read only under that person's authorisation (the catalogue's
// consent-bound items: financial data, wages, property, vehicles).
const CONSENT_BOUND = new Set(DATA_ITEMS.filter((item) => item.consentRequired && item.dataset).map((i) => i.dataset));
const CONSENT_BOUND_SQL = `ARRAY[${[...CONSENT_BOUND].map((dataset) => `'${dataset}'`).join(', ')}]::"Dataset"[]`;

/**
 * The records of a consent-bound dataset count only for members the run may read them for: a run that reads only
 * authorised records (rules.ts) lists the others in unauthorised_member; for any other run that table is empty.
 * `countedFor` names the members whose records of a dataset may be read (readable: the counted members less the
 * unauthorised, so a whole-population run looks up no record it may not read); `authorised` filters a record.
 */
function countedFor(dataset: Dataset): string {
  return CONSENT_BOUND.has(dataset) ? 'readable' : 'counted';
}

function authorised(alias: string, dataset: Dataset): string {
  if (!CONSENT_BOUND.has(dataset)) return '';
  return ` AND NOT EXISTS (SELECT 1 FROM unauthorised_member um WHERE um.person_id = ${alias}.person_id)`;
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

/** A marriage registration in force on the as-of date: registered by then and not followed by a divorce. */
function marriedSql(alias: string, live: boolean): string {
  return `${alias}.event = 'MARRIAGE' AND ${alias}.registered_on <= $5::date AND NOT EXISTS (
       SELECT 1 FROM marriage_registrations dv
        WHERE dv.person_id = ${alias}.person_id AND dv.spouse_id_number = ${alias}.spouse_id_number AND dv.event = 'DIVORCE'
          AND dv.registered_on >= ${alias}.registered_on AND dv.registered_on <= $5::date AND ${current('dv', live)})`;
}

/** Evidence with the tie that makes its person a staff member's close relative named in its facts. */
function kin(evidenceSql: string, tie: string): string {
  return `jsonb_set(${evidenceSql}, '{facts,kin}', to_jsonb(${tie}::text))`;
}

/**
 * Evidence of data a department did not give, `what` being a code the portal and the report name in words:
 * NO_CURRENT_SNAPSHOT, NO_BANK_DELIVERY, NO_HUKOU_RECORD, NOT_READ_WITHOUT_AUTHORISATION.
 */
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
const PREPARE_CHUNK_SQL = {
  household: `CREATE TEMP TABLE assessed_household ON COMMIT DROP AS
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
   -- Standards differ by region and by urban/rural, and change every year: a region without its own takes the nearest
   -- enclosing one's; within the year, the version whose effective date is the latest on or before the as-of date.
   SELECT DISTINCT ON (c.household_id) c.household_id, c.region_code, c.area_type, st.region_code AS standard_region_code,
          st.effective_from, st.minimum_living_monthly_fen::bigint AS standard_fen, st.minimum_living_line,
          st.low_income_multiplier, st.low_income_line, st.low_income_floor, st.extreme_poverty_multiplier, st.extreme_poverty_line,
          st.extreme_poverty_minor_until_age, st.extreme_poverty_elderly_from_age, st.emergency_assistance_multiplier,
          st.expenditure_assistance_multiplier, st.individual_assistance_multiplier, st.financial_asset_months,
          st.financial_asset_line, st.exempt_vehicle_value_line, st.residential_area_line, st.max_homes, st.residential_area_per_person_cap_m2, st.exempt_vehicle_types, st.exempt_vehicle_max_value_fen,
          st.employment_cost_deduction_fen, st.excluded_income_kinds, st.grace_period_months, st.benefit_method,
          st.benefit_tiers, st.minimum_benefit_fen, st.severe_disability_extra_fen, st.old_age_extra_fen,
          st.old_age_extra_from_age, $4::jsonb || coalesce(st.citations, '{}') AS citations,
          -- 临时救助 is measured against the city (urban) standard: 当地城市低保月保障标准.
          (SELECT u.minimum_living_monthly_fen::bigint FROM assistance_standards u
            WHERE u.region_code = st.region_code AND u.area_type = 'URBAN' AND u.year = st.year AND u.effective_from <= $3::date
            ORDER BY u.effective_from DESC LIMIT 1) AS urban_standard_fen
     FROM cohort c
     LEFT JOIN ancestry a ON a.region_code = c.region_code
     LEFT JOIN assistance_standards st ON st.region_code = a.ancestor_code AND st.area_type = c.area_type
      AND st.year = extract(year FROM $3::date)::int AND st.effective_from <= $3::date
    ORDER BY c.household_id, st.id IS NULL, a.depth, st.effective_from DESC`,
  member: `CREATE TEMP TABLE assessed_member ON COMMIT DROP AS
   SELECT m.person_id, m.household_id, m.id_number, m.birth_date
     FROM (${householdMembersAsOfSql('assessed_household', '$1::date')}) m`,
  // 应保尽保 looks at households that signed nothing: their members' consent-bound records are read only under an
  // authorisation that covers the person, the run's purpose and its as-of day (domain.md, Verification requires
  // consent), given for any department or for the department of the officer who started the run; an enrolled
  // household's authorisation lasts while it is enrolled. Empty unless the run reads only authorised records.
  unauthorised: `CREATE TEMP TABLE unauthorised_member ON COMMIT DROP AS
   SELECT am.person_id, am.household_id FROM assessed_member am
    WHERE $1::boolean
      AND NOT EXISTS (SELECT 1 FROM assistance_cases ac
                       WHERE ac.household_id = am.household_id AND ${enrolledCaseSql('ac', '$2::date')})
      -- One probe of the consents' person index per member, whatever the planner believes of the consents: as a NOT
      -- EXISTS, consents not yet analysed were estimated at one row, and all 100,000 of them were compared with every
      -- member (1.2 billion comparisons, 96 s, for a chunk of 5,000 households).
      AND (SELECT true FROM consents c
            WHERE c.person_id = am.person_id AND c.withdrawn_at IS NULL AND $3::"Purpose" = ANY(c.purposes)
              AND c.signed_on <= $2::date AND $2::date <= c.expires_on
              AND (c.department_id IS NULL OR c.department_id =
                    (SELECT u.department_id FROM comparison_runs r JOIN users u ON u.id = r.started_by_id
                      WHERE r.id = $4))
            LIMIT 1) IS NULL`,
  // The rules look each member's records up by person, and a member up by person (whose death a hukou record gives):
  // without the index, a misestimated death check compared 1,171 cancelled hukou records with every one of the
  // chunk's 13,500 members (15.8 million comparisons a chunk of 5,000 households among 1,000,000 persons).
  memberIndex: 'CREATE INDEX ON assessed_member (person_id)',
  analyze: 'ANALYZE assessed_member, unauthorised_member',
};

const assessHouseholdsSql = (live: boolean) => `
WITH
cohort AS (SELECT household_id, region_code, area_type FROM assessed_household),
current_snapshot AS MATERIALIZED (
  SELECT s.id, s.dataset FROM dataset_snapshots s WHERE s.status = 'CURRENT'${live ? ' OR s.id = ANY($7::uuid[])' : ''}
),
standard AS (SELECT * FROM assessed_household),
-- Not materialised: each rule reads the indexed, analysed table itself (a CTE's copy has neither).
member AS NOT MATERIALIZED (SELECT person_id, household_id, id_number, birth_date FROM assessed_member),
enrolment AS (
  SELECT DISTINCT ON (ac.household_id) ac.household_id, ac.kind, ac.status, ac.started_on, ac.grace_period_started_on,
         ac.grace_period_ends_on, ac.single_person_id, ac.monthly_amount_fen
    FROM assistance_cases ac
   WHERE ac.household_id IN (SELECT household_id FROM cohort) AND ${enrolledCaseSql('ac', '$5::date')}
   ORDER BY ac.household_id, ac.started_on DESC, ac.id
),
-- The household's open application: the rigid expenditure it declares and the member it asks to enrol alone.
open_application AS (${openApplicationSql('cohort', '$5::date')}),
-- 单人户 (yinchuan-2021, 二(四)): the member an enrolled case enrols alone; for a household not enrolled, the member its
-- application asks to enrol alone.
single_person AS (
  SELECT c.household_id, CASE WHEN en.household_id IS NOT NULL THEN en.single_person_id ELSE oa.single_person_id END AS person_id,
         CASE WHEN en.household_id IS NOT NULL THEN 'CASE' ELSE 'APPLICATION' END AS source
    FROM cohort c LEFT JOIN enrolment en ON en.household_id = c.household_id
    LEFT JOIN open_application oa ON oa.household_id = c.household_id
),
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
-- 单人户: a member the case (or the application) enrols alone is assessed alone (yinchuan-2021, 二(四)).
counted AS (
  SELECT m.* FROM member m LEFT JOIN single_person sp ON sp.household_id = m.household_id
   WHERE NOT EXISTS (SELECT 1 FROM death d WHERE d.person_id = m.person_id)
     AND (sp.person_id IS NULL OR sp.person_id = m.person_id)
),
-- The counted members whose consent-bound records may be read (countedFor).
readable AS MATERIALIZED (
  SELECT c.* FROM counted c WHERE NOT EXISTS (SELECT 1 FROM unauthorised_member um WHERE um.person_id = c.person_id)
),
-- An employment-cost deduction applies to wages in some places: each wage in force less the standard's deduction, never below zero.
wage AS (
  SELECT c.household_id, c.person_id, 'WAGE'::"IncomeKind" AS kind,
         greatest(0, e.monthly_wage_fen - st.employment_cost_deduction_fen)::bigint AS amount_fen,
         ${evidence(live, 'e', 'EMPLOYMENT', 'e.person_id', "'monthlyWageFen', e.monthly_wage_fen, 'employerName', e.employer_name")} AS evidence
    FROM ${countedFor('EMPLOYMENT')} c JOIN employment_records e ON e.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('e', live)} AND e.started_on <= $5::date AND (e.ended_on IS NULL OR e.ended_on >= $5::date)
),
income AS (
  SELECT household_id, kind, amount_fen, evidence FROM wage
  UNION ALL
  SELECT c.household_id, 'PENSION', pr.monthly_amount_fen::bigint,
         ${evidence(live, 'pr', 'PENSION', 'pr.person_id', "'monthlyAmountFen', pr.monthly_amount_fen, 'pensionType', pr.pension_type")}
    FROM counted c JOIN pension_records pr ON pr.person_id = c.person_id
   WHERE ${current('pr', live)} AND pr.started_on <= $5::date AND (pr.stopped_on IS NULL OR pr.stopped_on > $5::date)
  UNION ALL
  SELECT c.household_id, 'UNEMPLOYMENT_BENEFIT', ub.monthly_amount_fen::bigint,
         ${evidence(live, 'ub', 'UNEMPLOYMENT_BENEFIT', 'ub.person_id', "'monthlyAmountFen', ub.monthly_amount_fen, 'endsOn', ub.ends_on")}
    FROM counted c JOIN unemployment_benefit_records ub ON ub.person_id = c.person_id
   WHERE ${current('ub', live)} AND ub.started_on <= $5::date AND ub.ends_on >= $5::date
  UNION ALL
  SELECT c.household_id, 'BUSINESS', br.monthly_income_fen::bigint,
         ${evidence(live, 'br', 'BUSINESS_REGISTRATION', 'br.person_id', "'monthlyIncomeFen', br.monthly_income_fen, 'enterpriseName', br.enterprise_name")}
    FROM counted c JOIN business_registrations br ON br.person_id = c.person_id
   WHERE ${current('br', live)} AND br.status = 'ACTIVE' AND br.registered_on <= $5::date AND br.monthly_income_fen IS NOT NULL
  UNION ALL
  -- A housing-fund contribution reveals the wage where no wage is on record: contribution ÷ (2 × each side's rate), rounded down to the fen, less the employment-cost deduction.
  SELECT c.household_id, 'HOUSING_FUND_IMPLIED_WAGE',
         greatest(0, floor(hf.monthly_contribution_fen / (2 * hf.contribution_rate)) - st.employment_cost_deduction_fen)::bigint,
         ${evidence(
           live,
           'hf',
           'HOUSING_FUND',
           'hf.person_id',
           `'monthlyContributionFen', hf.monthly_contribution_fen, 'contributionRate', hf.contribution_rate,
            'impliedWageFen', floor(hf.monthly_contribution_fen / (2 * hf.contribution_rate))`,
         )}
    FROM ${countedFor('HOUSING_FUND')} c JOIN housing_fund_accounts hf ON hf.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('hf', live)} AND hf.status = 'PAYING' AND hf.contribution_rate > 0
     AND NOT EXISTS (SELECT 1 FROM wage w WHERE w.person_id = c.person_id)
),
-- Not counted as income: the kinds the standard excludes (优抚, rewards, assistance payments).
counted_income AS (
  SELECT i.*, i.kind = ANY(coalesce(st.excluded_income_kinds, '{}')) AS is_excluded
    FROM income i JOIN standard st ON st.household_id = i.household_id
),
-- 刚性支出: declared medical and education costs are deducted from the household's income.
rigid_expenditure AS (SELECT household_id, kind, amount_fen, evidence, temporary_assistance_type FROM open_application),
-- 渐退期 (yinchuan-2021 二(四)): a 低保 recipient who found work keeps the benefit unchanged for the standard's grace
-- months, counted from when the income rose. The register's case history says since when the household has been
-- enrolled: the start of its unbroken run of 低保 cases (a renewal the day after a case ended continues it).
enrolled_since AS (
  SELECT en.household_id, max(ac.started_on) AS started_on
    FROM enrolment en JOIN assistance_cases ac ON ac.household_id = en.household_id AND ac.kind = en.kind
   WHERE en.kind = 'MINIMUM_LIVING_GUARANTEE' AND ac.started_on <= en.started_on
     AND NOT EXISTS (SELECT 1 FROM assistance_cases prior
                      WHERE prior.household_id = ac.household_id AND prior.kind = ac.kind
                        AND prior.started_on < ac.started_on
                        AND (prior.ended_on IS NULL OR prior.ended_on >= ac.started_on - 1))
   GROUP BY en.household_id
),
-- When the income rose, where the register does not say: the first job in force that a counted member started while
-- the household was enrolled (a job held since before the enrolment is no new employment).
job_start AS (
  SELECT c.household_id, min(e.started_on) AS started_on
    FROM counted c JOIN enrolled_since es ON es.household_id = c.household_id
    JOIN employment_records e ON e.person_id = c.person_id
   WHERE ${current('e', live)}${authorised('e', 'EMPLOYMENT')} AND e.started_on > es.started_on
     AND e.started_on <= $5::date AND (e.ended_on IS NULL OR e.ended_on >= $5::date)
   GROUP BY c.household_id
),
-- The register's own grace-period start wins (with the end it recorded, or the grace months from it); a case stored in
-- its grace period with only an end keeps that end; otherwise the grace runs from the job's start. The months are
-- those of the policy version in force on the day the grace period began (给予18个月以内的渐退期 is given then), or
-- the as-of version's where none was recorded for that day.
grace AS (
  SELECT en.household_id, coalesce(en.grace_period_started_on, j.started_on) AS started_on,
         CASE WHEN en.grace_period_started_on IS NOT NULL THEN 'REGISTER'
              WHEN en.status = 'GRACE_PERIOD' AND en.grace_period_ends_on IS NOT NULL THEN 'REGISTER'
              WHEN j.started_on IS NOT NULL THEN 'EMPLOYMENT' END AS source,
         es.started_on AS enrolled_since, en.monthly_amount_fen AS case_amount_fen,
         CASE WHEN en.grace_period_started_on IS NOT NULL
              THEN coalesce(en.grace_period_ends_on,
                     ${gracePeriodEndSql('st.region_code', 'st.area_type', 'en.grace_period_started_on')},
                     (en.grace_period_started_on + make_interval(months => st.grace_period_months) - interval '1 day')::date)
              WHEN en.status = 'GRACE_PERIOD' AND en.grace_period_ends_on IS NOT NULL THEN en.grace_period_ends_on
              WHEN j.started_on IS NOT NULL
              THEN coalesce(${gracePeriodEndSql('st.region_code', 'st.area_type', 'j.started_on')},
                     (j.started_on + make_interval(months => st.grace_period_months) - interval '1 day')::date) END AS ends_on
    FROM enrolment en JOIN standard st ON st.household_id = en.household_id
    LEFT JOIN enrolled_since es ON es.household_id = en.household_id
    LEFT JOIN job_start j ON j.household_id = en.household_id
   WHERE en.kind = 'MINIMUM_LIVING_GUARANTEE'
),
-- Who each counted member is on the as-of date: a minor, elderly, severely disabled (grade 1 or 2).
member_status AS (
  SELECT c.household_id,
         count(*) FILTER (WHERE extract(year FROM age($5::date, c.birth_date)) < st.extreme_poverty_minor_until_age
           OR extract(year FROM age($5::date, c.birth_date)) >= st.extreme_poverty_elderly_from_age
           OR sd.person_id IS NOT NULL)::int AS extreme_poverty_condition_members,
         count(*) FILTER (WHERE sd.person_id IS NOT NULL)::int AS severely_disabled_members,
         count(*) FILTER (WHERE extract(year FROM age($5::date, c.birth_date)) >= st.old_age_extra_from_age)::int AS old_age_members
    FROM counted c JOIN standard st ON st.household_id = c.household_id
    LEFT JOIN LATERAL (SELECT dc.person_id FROM disability_certificates dc
       WHERE dc.person_id = c.person_id AND dc.grade <= 2 AND dc.issued_on <= $5::date AND ${current('dc', live)}${authorised('dc', 'DISABILITY')} LIMIT 1) sd ON true
   GROUP BY c.household_id
),
-- Financial assets: deposits, and wealth products at market value.
financial_asset AS (
  SELECT c.household_id, d.balance_fen AS amount_fen,
         ${evidence(live, 'd', 'BANK_DEPOSIT', 'd.person_id', "'balanceFen', d.balance_fen, 'depositType', d.deposit_type")} AS evidence
    FROM ${countedFor('BANK_DEPOSIT')} c JOIN bank_deposits d ON d.person_id = c.person_id WHERE ${current('d', live)}
  UNION ALL
  SELECT c.household_id, w.market_value_fen,
         ${evidence(live, 'w', 'WEALTH_PRODUCT', 'w.person_id', "'marketValueFen', w.market_value_fen, 'productName', w.product_name")}
    FROM ${countedFor('WEALTH_PRODUCT')} c JOIN wealth_products w ON w.person_id = c.person_id WHERE ${current('w', live)}
),
-- No vehicle, except the exempt types (disability vehicles, motorcycles), and where the standard says so one worth at most the exempt value.
non_exempt_vehicle AS (
  SELECT c.household_id,
         ${evidence(live, 'v', 'VEHICLE', 'v.person_id', "'vehicleType', v.vehicle_type, 'estimatedValueFen', v.estimated_value_fen, 'plateNumber', v.plate_number")} AS evidence
    FROM ${countedFor('VEHICLE')} c JOIN vehicle_records v ON v.person_id = c.person_id
    JOIN standard st ON st.household_id = c.household_id
   WHERE ${current('v', live)} AND v.registered_on <= $5::date AND NOT v.vehicle_type = ANY(coalesce(st.exempt_vehicle_types, '{}'))
     AND (st.exempt_vehicle_max_value_fen IS NULL
       OR NOT ${withinLineSql('v.estimated_value_fen', '1', 'st.exempt_vehicle_max_value_fen', 'st.exempt_vehicle_value_line')})
),
-- Property the household owns (a public rental flat is rented, not owned).
owned_property AS (
  SELECT c.household_id, pr.certificate_number, pr.use, pr.area_m2,
         ${evidence(live, 'pr', 'REAL_ESTATE', 'pr.person_id', "'use', pr.use, 'areaM2', pr.area_m2, 'address', pr.address")} AS evidence
    FROM ${countedFor('REAL_ESTATE')} c JOIN property_records pr ON pr.person_id = c.person_id
   WHERE ${current('pr', live)} AND NOT pr.is_public_rental AND pr.acquired_on <= $5::date
),
-- Business registration (sole trader, legal representative, manager, controlling shareholder) disqualifies unless
-- the household shows it earns nothing: a registration whose income is on record as zero is a separate finding.
active_business AS (
  SELECT c.household_id, br.monthly_income_fen IS NOT NULL AND br.monthly_income_fen = 0 AS earns_nothing,
         ${evidence(live, 'br', 'BUSINESS_REGISTRATION', 'br.person_id', "'role', br.role, 'enterpriseName', br.enterprise_name, 'creditCode', br.credit_code, 'monthlyIncomeFen', br.monthly_income_fen")} AS evidence
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
-- Close relatives of staff (spouse; both sides' parents and siblings; children and their spouses; grandparents;
-- grandchildren; uncles and aunts), as far as marriage, hukou and register data show them: the staff member lives in
-- the household, shares a member's hukou booklet (parents, siblings, children, grandparents, grandchildren, uncles and
-- aunts who live together), is a member's registered spouse (on either one's record), the member shares the booklet
-- of the staff member's spouse (the spouse's parents and siblings), is married to someone of the staff member's
-- booklet (a child's spouse), or the register's households relate the two (register-close-relatives.ts). Each piece
-- of evidence names the tie in its facts (kin).
staff_spouse AS (
  SELECT s.person_id AS staff_person_id, sp.id AS spouse_person_id,
         ${evidence(live, 'mr', 'MARRIAGE', 'mr.person_id', "'spouseName', mr.spouse_name, 'registeredOn', mr.registered_on")} AS evidence
    FROM staff s JOIN marriage_registrations mr ON mr.person_id = s.person_id
    JOIN persons sp ON sp.id_number = mr.spouse_id_number
   WHERE ${current('mr', live)} AND ${marriedSql('mr', live)}
),
-- Each counted member's and each staff member's places in the register, past ones too: their memberships up to the
-- as-of date with their relation to the head, or the household and relation loaded before the register had history.
member_tie AS (
  SELECT c.household_id, c.person_id, hm.household_id AS register_household_id, hm.relation, hm.id AS record_id
    FROM counted c JOIN household_memberships hm ON hm.person_id = c.person_id WHERE hm.valid_from <= $5::date
  UNION ALL
  SELECT c.household_id, c.person_id, p.household_id, p.relation, NULL
    FROM counted c JOIN persons p ON p.id = c.person_id
   WHERE p.relation IS NOT NULL AND NOT EXISTS (SELECT 1 FROM household_memberships hm WHERE hm.person_id = p.id)
),
staff_tie AS (
  SELECT s.person_id, hm.household_id AS register_household_id, hm.relation, hm.id AS record_id
    FROM staff s JOIN household_memberships hm ON hm.person_id = s.person_id WHERE hm.valid_from <= $5::date
  UNION ALL
  SELECT s.person_id, p.household_id, p.relation, NULL
    FROM staff s JOIN persons p ON p.id = s.person_id
   WHERE p.household_id IS NOT NULL AND p.relation IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM household_memberships hm WHERE hm.person_id = p.id)
),
staff_kin AS (
  SELECT c.household_id, s.person_id AS staff_person_id, ${kin('s.evidence', "'SELF'")} AS evidence
    FROM counted c JOIN staff s ON s.person_id = c.person_id
  UNION ALL
  SELECT c.household_id, sh.person_id, ${kin('sh.evidence', "'SAME_HUKOU_BOOKLET'")}
    FROM counted c JOIN hukou_records hr ON hr.person_id = c.person_id
    JOIN staff_hukou sh ON sh.hukou_number = hr.hukou_number AND sh.person_id <> c.person_id
   WHERE ${current('hr', live)} AND hr.status = 'ACTIVE'
  UNION ALL
  SELECT c.household_id, s.person_id,
         ${kin(evidence(live, 'mr', 'MARRIAGE', 'mr.person_id', "'spouseName', mr.spouse_name, 'registeredOn', mr.registered_on"), "'SPOUSE'")}
    FROM counted c JOIN marriage_registrations mr ON mr.person_id = c.person_id
    JOIN staff s ON s.id_number = mr.spouse_id_number
   WHERE ${current('mr', live)} AND ${marriedSql('mr', live)}
  UNION ALL
  SELECT c.household_id, ss.staff_person_id, ${kin('ss.evidence', "'SPOUSE'")}
    FROM counted c JOIN staff_spouse ss ON ss.spouse_person_id = c.person_id
  UNION ALL
  SELECT c.household_id, ss.staff_person_id, ${kin('ss.evidence', "'SPOUSE_HUKOU_BOOKLET'")}
    FROM counted c JOIN hukou_records hr ON hr.person_id = c.person_id
    JOIN staff_spouse ss ON true
    JOIN hukou_records shr ON shr.person_id = ss.spouse_person_id AND shr.hukou_number = hr.hukou_number
   WHERE ${current('hr', live)} AND hr.status = 'ACTIVE' AND ${current('shr', live)} AND shr.status = 'ACTIVE'
  UNION ALL
  SELECT c.household_id, sh.person_id,
         ${kin(evidence(live, 'mr', 'MARRIAGE', 'mr.person_id', "'spouseName', mr.spouse_name, 'registeredOn', mr.registered_on"), "'SPOUSE_OF_HUKOU_BOOKLET_MEMBER'")}
    FROM counted c JOIN marriage_registrations mr ON mr.person_id = c.person_id
    JOIN persons sp ON sp.id_number = mr.spouse_id_number
    JOIN hukou_records spr ON spr.person_id = sp.id
    JOIN staff_hukou sh ON sh.hukou_number = spr.hukou_number AND sh.person_id <> sp.id AND sh.person_id <> c.person_id
   WHERE ${current('mr', live)} AND ${marriedSql('mr', live)} AND ${current('spr', live)} AND spr.status = 'ACTIVE'
  UNION ALL
  -- The register's households, past memberships included: a parent or sibling who moved out is still one.
  SELECT mt.household_id, st.person_id,
         jsonb_build_object('departmentId', NULL, 'dataset', 'REGISTER', 'recordId', st.record_id, 'snapshotId', NULL,
           'asOf', NULL, 'personId', mt.person_id, 'facts', jsonb_build_object('registerHouseholdId',
           mt.register_household_id, 'staffRelation', st.relation, 'memberRelation', mt.relation, 'kin', kin_pair.kin))
    FROM member_tie mt
    JOIN staff_tie st ON st.register_household_id = mt.register_household_id AND st.person_id <> mt.person_id
    JOIN ${REGISTER_CLOSE_RELATIVES_SQL} ON kin_pair.staff_relation = st.relation AND kin_pair.member_relation = mt.relation
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
  SELECT c.household_id, ${missing('d.dataset', 'NULL', 'NULL', 'NO_CURRENT_SNAPSHOT')} AS evidence
    FROM cohort c CROSS JOIN unnest($4::"Dataset"[]) AS d(dataset)
   WHERE NOT EXISTS (SELECT 1 FROM current_snapshot s WHERE s.dataset = d.dataset)
  UNION ALL
  SELECT c.household_id, ${missing("'BANK_DEPOSIT'", 'dep.id', 'NULL', 'NO_BANK_DELIVERY')}
    FROM cohort c CROSS JOIN departments dep
   WHERE dep.kind = 'BANK' AND 'BANK_DEPOSIT' = ANY($4::"Dataset"[])
     AND NOT EXISTS (SELECT 1 FROM dataset_snapshots s
                      WHERE s.department_id = dep.id AND s.dataset = 'BANK_DEPOSIT'
                        AND (s.status = 'CURRENT'${live ? ' OR s.id = ANY($7::uuid[])' : ''}))
  UNION ALL
  SELECT m.household_id, ${missing("'HUKOU'", 'NULL', 'm.person_id', 'NO_HUKOU_RECORD')}
    FROM member m
   WHERE NOT EXISTS (SELECT 1 FROM hukou_records hr WHERE hr.person_id = m.person_id AND ${current('hr', live)})
),
-- What a run that reads only authorised records left out: per household, how many counted members it could not read
-- consent-bound records for, and every consent-bound dataset (each read above for readable members only), one piece of
-- evidence each.
unread AS (
  SELECT u.household_id, u.members,
         (SELECT jsonb_agg(${missing('d.dataset', 'NULL', 'NULL', 'NOT_READ_WITHOUT_AUTHORISATION')} ORDER BY d.dataset)
            FROM unnest(${CONSENT_BOUND_SQL}) AS d(dataset)) AS evidence
    FROM (SELECT c.household_id, count(*)::int AS members
            FROM counted c JOIN unauthorised_member um ON um.person_id = c.person_id GROUP BY c.household_id) u
),
counted_total AS (SELECT household_id, count(*)::int AS members FROM counted GROUP BY household_id),
income_total AS (
  SELECT household_id, coalesce(sum(amount_fen) FILTER (WHERE NOT is_excluded), 0)::bigint AS amount_fen,
         coalesce(sum(amount_fen) FILTER (WHERE is_excluded), 0)::bigint AS excluded_fen,
         jsonb_agg(evidence) FILTER (WHERE NOT is_excluded) AS evidence
    FROM counted_income GROUP BY household_id
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
residential_area AS (
  SELECT household_id, sum(area_m2) AS area_m2
    FROM (SELECT DISTINCT household_id, certificate_number, area_m2 FROM owned_property WHERE use = 'RESIDENTIAL') homes
   GROUP BY household_id
),
vehicle_total AS (SELECT household_id, count(*)::int AS vehicles FROM non_exempt_vehicle GROUP BY household_id),
business_total AS (
  SELECT household_id, bool_or(NOT earns_nothing) AS with_income, bool_or(earns_nothing) AS without_income
    FROM active_business GROUP BY household_id
),
totals AS (
  SELECT st.*, coalesce(ct.members, 0) AS members, coalesce(it.amount_fen, 0) AS income_fen,
         coalesce(it.excluded_fen, 0) AS excluded_income_fen,
         it.evidence AS income_evidence, coalesce(rx.amount_fen, 0) AS rigid_fen, rx.evidence AS rigid_evidence,
         coalesce(at.amount_fen, 0) AS assets_fen, at.evidence AS asset_evidence,
         coalesce(pt.homes, 0) AS homes, coalesce(pt.has_non_residential, false) AS has_non_residential,
         coalesce(ra.area_m2, 0) AS residential_area_m2, pt.evidence AS property_evidence,
         coalesce(vt.vehicles, 0) AS non_exempt_vehicles,
         coalesce(bt.with_income, false) AS has_business_with_income,
         coalesce(bt.without_income, false) AS has_business_without_income,
         coalesce(en.kind, rx.kind) AS case_kind, rx.temporary_assistance_type, sp.person_id AS single_person_id, sp.source AS single_person_source,
         g.ends_on AS grace_ends_on, g.started_on AS grace_started_on, g.source AS grace_source,
         g.enrolled_since, g.case_amount_fen,
         coalesce(ms.extreme_poverty_condition_members, 0) AS extreme_poverty_condition_members,
         coalesce(ms.severely_disabled_members, 0) AS severely_disabled_members,
         coalesce(ms.old_age_members, 0) AS old_age_members,
         -- Only a run that checks it looks for staff relatives (the costliest rule, and no classification depends on it).
         CASE WHEN 'UNFILED_STAFF_RELATIVE' = ANY($3::"AssessmentFlagCode"[])
           THEN EXISTS (SELECT 1 FROM unfiled_staff_relative u WHERE u.household_id = st.household_id) END
           AS has_unfiled_staff_relative,
         coalesce(ur.members, 0) AS unauthorised_members, ur.evidence AS unread_evidence
    FROM standard st
    LEFT JOIN counted_total ct ON ct.household_id = st.household_id
    LEFT JOIN income_total it ON it.household_id = st.household_id
    LEFT JOIN rigid_expenditure rx ON rx.household_id = st.household_id
    LEFT JOIN asset_total at ON at.household_id = st.household_id
    LEFT JOIN property_total pt ON pt.household_id = st.household_id
    LEFT JOIN residential_area ra ON ra.household_id = st.household_id
    LEFT JOIN vehicle_total vt ON vt.household_id = st.household_id
    LEFT JOIN business_total bt ON bt.household_id = st.household_id
    LEFT JOIN enrolment en ON en.household_id = st.household_id
    LEFT JOIN single_person sp ON sp.household_id = st.household_id
    LEFT JOIN grace g ON g.household_id = st.household_id
    LEFT JOIN member_status ms ON ms.household_id = st.household_id
    LEFT JOIN unread ur ON ur.household_id = st.household_id
),
netted AS (
  -- Rigid expenditure (刚性支出) is deducted from household income before the comparison.
  SELECT t.*, greatest(0, t.income_fen - t.rigid_fen) AS net_income_fen FROM totals t
),
judged AS (
  SELECT t.*,
    -- 低保: per-capita income below the standard (低于), or at most it where the region reads the line so.
    ${withinLineSql('t.net_income_fen', 't.members', 't.standard_fen', 't.minimum_living_line')} AS is_within_minimum_living,
    -- 低收入: above the standard (高于; at least it where the region reads the floor so) and below (低于) 1.5 × it.
    ${aboveFloorSql('t.net_income_fen', 't.members', 't.standard_fen', 't.low_income_floor')} AS is_above_low_income_floor,
    ${withinLineSql('t.net_income_fen', 't.members', 't.standard_fen * t.low_income_multiplier', 't.low_income_line')} AS is_within_low_income,
    -- 特困: the basic living standard is at least 1.3 × the 低保 standard; minors covered to 18.
    ${withinLineSql('t.net_income_fen', 't.members', 't.standard_fen * t.extreme_poverty_multiplier', 't.extreme_poverty_line')} AS is_within_extreme_poverty,
    t.members > 0 AND t.extreme_poverty_condition_members = t.members AS meets_extreme_poverty_conditions,
    -- Financial assets per head at most N months of the 低保 standard.
    ${withinLineSql('t.assets_fen', 't.members', 't.financial_asset_months * t.standard_fen', 't.financial_asset_line')}
      AS are_financial_assets_within_limit,
    t.non_exempt_vehicles > 0 AS has_non_exempt_vehicle,
    -- At most the standard's number of homes, no non-residential property, and the area per member within any cap.
    t.homes > t.max_homes OR t.has_non_residential
      OR NOT coalesce(${withinLineSql('t.residential_area_m2', 't.members', 't.residential_area_per_person_cap_m2', 't.residential_area_line')}, true)
      AS has_excess_property,
    -- 渐退期: within it the benefit goes on unchanged; its last month is a finding of its own.
    coalesce(t.grace_ends_on >= $5::date, false) AS is_in_grace_period,
    coalesce(t.grace_ends_on >= $5::date AND (t.grace_ends_on - interval '1 month')::date < $5::date, false)
      AS is_grace_period_ending
  FROM netted t
),
-- Records left unread for want of an authorisation can only add income and assets: on what was read, a household
-- above every line is above them, but one within a line may not be, so it gets no classification (read_classification
-- keeps what the records read say, for the monitoring findings).
classified AS (
  SELECT r.*,
    CASE WHEN r.unauthorised_members > 0 AND r.read_classification <> 'ABOVE_LINE' THEN NULL
      ELSE r.read_classification END AS classification
  FROM (SELECT j.*,
    -- The line the household's assistance requires: 低收入 its band, 特困 its own standard, any other the 低保 line.
    CASE j.case_kind WHEN 'LOW_INCOME' THEN j.is_within_low_income WHEN 'EXTREME_POVERTY' THEN j.is_within_extreme_poverty
      ELSE j.is_within_minimum_living END AS is_within_own_line,
    CASE
      WHEN j.members = 0 THEN NULL
      WHEN NOT j.are_financial_assets_within_limit OR j.has_non_exempt_vehicle OR j.has_excess_property
        OR j.has_business_with_income THEN 'ABOVE_LINE'
      WHEN j.case_kind = 'EXTREME_POVERTY' AND j.meets_extreme_poverty_conditions AND j.is_within_extreme_poverty
        THEN 'EXTREME_POVERTY'
      WHEN j.is_within_minimum_living THEN 'MINIMUM_LIVING'
      -- Exactly on the standard, read 低于 for 低保 and 高于 for 低收入: by the letter neither, and said so.
      WHEN NOT j.is_above_low_income_floor THEN 'BETWEEN_LINES'
      WHEN j.is_within_low_income THEN 'LOW_INCOME'
      ELSE 'ABOVE_LINE'
    END::"HouseholdClassification" AS read_classification
  FROM judged j) r
),
benefited AS (
  SELECT c.*, c.members > 0 AND NOT coalesce(c.is_within_own_line, true) AND NOT c.is_in_grace_period AS is_income_above_line,
    -- The grace period holds what the income would change only while the income is above the line (人均收入超过当地低保标准的).
    c.is_in_grace_period AND NOT coalesce(c.is_within_own_line, true) AS is_benefit_held_by_grace,
    CASE
      -- 渐退期内，相关低保救助政策维持不变: the case's benefit goes on as it is; with income still within the line, the
      -- household is paid as any other.
      WHEN c.is_in_grace_period AND NOT coalesce(c.is_within_own_line, true) THEN c.case_amount_fen::bigint
      -- 特困: the basic living standard, per member.
      WHEN c.classification = 'EXTREME_POVERTY' THEN c.members * ceil(c.standard_fen * c.extreme_poverty_multiplier)::bigint
      WHEN c.classification = 'MINIMUM_LIVING' THEN greatest(c.minimum_benefit_fen,
        CASE c.benefit_method
          -- 差额: the gap between the standard and per-capita income, for every member.
          WHEN 'GAP' THEN c.members * c.standard_fen - c.net_income_fen
          -- 分档: the amount per member of the first tier the per-capita income is below.
          ELSE c.members * coalesce((SELECT (tier->>'monthlyPerMemberFen')::bigint
                 FROM jsonb_array_elements(c.benefit_tiers) tier
                WHERE c.net_income_fen < c.members * (tier->>'perCapitaIncomeBelowFen')::bigint
                ORDER BY (tier->>'perCapitaIncomeBelowFen')::bigint LIMIT 1), 0)
        END)
        -- 对低保家庭中的重度残疾等特殊困难人员，可增发一定数额的低保金.
        + c.severely_disabled_members * c.severe_disability_extra_fen + c.old_age_members * c.old_age_extra_fen
    END AS monthly_benefit_fen
  FROM classified c
),
finding AS (
  SELECT household_id, 'DECEASED_MEMBER'::"AssessmentFlagCode" AS flag, jsonb_agg(evidence) AS evidence
    FROM death GROUP BY household_id
  UNION ALL
  SELECT household_id, 'INCOME_ABOVE_STANDARD', coalesce(income_evidence, '[]')
    || CASE WHEN rigid_fen > 0 THEN jsonb_build_array(rigid_evidence) ELSE '[]' END
    FROM benefited WHERE is_income_above_line
  UNION ALL
  SELECT household_id, 'GRACE_PERIOD_ENDING', coalesce(income_evidence, '[]')
    FROM benefited WHERE is_grace_period_ending AND members > 0 AND NOT coalesce(is_within_own_line, true)
  UNION ALL
  SELECT household_id, 'EXTREME_POVERTY_CONDITIONS_NOT_MET', '[]'::jsonb
    FROM benefited WHERE case_kind = 'EXTREME_POVERTY' AND members > 0 AND NOT meets_extreme_poverty_conditions
  UNION ALL
  SELECT household_id, 'FINANCIAL_ASSETS_OVER_LIMIT', asset_evidence FROM benefited WHERE NOT are_financial_assets_within_limit
  UNION ALL
  SELECT household_id, 'NON_EXEMPT_VEHICLE', jsonb_agg(evidence) FROM non_exempt_vehicle GROUP BY household_id
  UNION ALL
  SELECT household_id, 'EXCESS_PROPERTY', property_evidence FROM benefited WHERE has_excess_property
  UNION ALL
  SELECT household_id, 'BUSINESS_REGISTERED', jsonb_agg(evidence) FROM active_business WHERE NOT earns_nothing GROUP BY household_id
  UNION ALL
  SELECT household_id, 'BUSINESS_WITHOUT_INCOME', jsonb_agg(evidence) FROM active_business WHERE earns_nothing GROUP BY household_id
  UNION ALL
  SELECT household_id, 'UNFILED_STAFF_RELATIVE', jsonb_agg(evidence) FROM unfiled_staff_relative
   WHERE 'UNFILED_STAFF_RELATIVE' = ANY($3::"AssessmentFlagCode"[]) GROUP BY household_id
  UNION ALL
  SELECT household_id, 'DATA_MISSING', jsonb_agg(evidence) FROM data_missing GROUP BY household_id
  UNION ALL
  -- 应保尽保 / 低保边缘 (yinchuan-2021 二(五), 完善主动发现机制), for a household neither enrolled nor applying:
  -- NEWLY_ELIGIBLE when every record was read and puts it within the 低保 line; AT_RISK when every record was read
  -- and puts it in the 低收入 band (or exactly on the standard), or when what was read puts it within a line but some
  -- member's consent-bound records were not read while another member's were: someone signed, so the office can ask
  -- the rest. A household none of whose members authorised anything is not flagged: the absence of records the hub
  -- may not read says nothing about need, and flagging it would flag almost everyone (docs/comparisons.md).
  SELECT b.household_id,
         CASE WHEN b.read_classification = 'MINIMUM_LIVING' AND b.unauthorised_members = 0 THEN 'NEWLY_ELIGIBLE'
           ELSE 'AT_RISK' END::"AssessmentFlagCode",
         coalesce(b.income_evidence, '[]') || coalesce(b.unread_evidence, '[]')
    FROM benefited b
   WHERE b.read_classification IN ('MINIMUM_LIVING', 'LOW_INCOME', 'BETWEEN_LINES')
     AND b.unauthorised_members < b.members
     AND NOT EXISTS (SELECT 1 FROM enrolment en WHERE en.household_id = b.household_id)
     AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.household_id = b.household_id
                      AND a.status IN ('SUBMITTED', 'VERIFYING') AND a.submitted_on <= $5::date)
),
flag_set AS (
  SELECT household_id, array_agg(flag ORDER BY flag) AS flags,
         jsonb_agg(jsonb_build_object('flag', flag, 'evidence', evidence) ORDER BY flag) AS findings
    FROM finding WHERE flag = ANY($3::"AssessmentFlagCode"[]) GROUP BY household_id
)${live ? DATA_SOURCES_SQL : ''}
INSERT INTO household_assessments AS ha (run_id, household_id, chunk_no, classification, counted_members,
  monthly_income_fen, rigid_expenditure_fen, per_capita_income_fen, standard_monthly_fen, financial_assets_fen,
  flags, findings, data_sources, monthly_benefit_fen, applied_rules, assessed_at)
SELECT $1, c.household_id, $2, c.classification, c.members, c.income_fen, c.rigid_fen,
       -- Per capita, rounded down to the fen (the net income is never negative, so integer division floors).
       CASE WHEN c.members > 0 THEN c.net_income_fen / c.members END,
       c.standard_fen, c.assets_fen, coalesce(f.flags, '{}'), coalesce(f.findings, '[]'),
       ${live ? "coalesce(ds.sources, '[]')" : "'[]'::jsonb"}, c.monthly_benefit_fen, ${APPLIED_RULES_SQL}, now()
  FROM benefited c LEFT JOIN flag_set f ON f.household_id = c.household_id
  ${live ? 'LEFT JOIN data_source_set ds ON ds.household_id = c.household_id' : ''}
ON CONFLICT (run_id, household_id) DO UPDATE SET
  chunk_no = EXCLUDED.chunk_no, classification = EXCLUDED.classification, counted_members = EXCLUDED.counted_members,
  monthly_income_fen = EXCLUDED.monthly_income_fen, rigid_expenditure_fen = EXCLUDED.rigid_expenditure_fen,
  per_capita_income_fen = EXCLUDED.per_capita_income_fen, standard_monthly_fen = EXCLUDED.standard_monthly_fen,
  financial_assets_fen = EXCLUDED.financial_assets_fen, flags = EXCLUDED.flags, findings = EXCLUDED.findings,
  data_sources = EXCLUDED.data_sources, monthly_benefit_fen = EXCLUDED.monthly_benefit_fen,
  applied_rules = EXCLUDED.applied_rules, assessed_at = EXCLUDED.assessed_at`;

const ASSESS_HOUSEHOLDS_SQL = assessHouseholdsSql(false);
const BASIS_CITATIONS = JSON.stringify(basisCitations());
const ASSESS_WITH_LIVE_ANSWERS_SQL = assessHouseholdsSql(true);

/**
 * Assesses one chunk's households and writes (or rewrites) their results; returns how many. `live` (APPLICATION
 * runs) names the live answers fetched for the chunk (LIVE snapshots); each result then says which data it used.
 */
export async function assessHouseholds(
  client: pg.ClientBase,
  chunk: { runId: string; chunkNo: number; asOf: string },
  checked: {
    flags: readonly AssessmentFlagCode[];
    datasets: readonly Dataset[];
    /** Read consent-bound records only for members an enrolment or an authorisation for this purpose covers. */
    onlyAuthorised?: { purpose: Purpose };
  },
  live?: { snapshotIds: readonly string[] },
): Promise<number> {
  const { household, member, unauthorised, memberIndex, analyze } = PREPARE_CHUNK_SQL;
  await client.query(household, [chunk.runId, chunk.chunkNo, chunk.asOf, BASIS_CITATIONS]);
  // Analysed before the members are read from it: unanalysed, it was guessed at 13,824 households, and the members'
  // statement hashed all 1,000,000 persons twice instead of probing the chunk's 5,000 households (docs/benchmarks.md).
  await client.query('ANALYZE assessed_household');
  await client.query(member, [chunk.asOf]);
  await client.query(unauthorised, [
    checked.onlyAuthorised !== undefined,
    chunk.asOf,
    checked.onlyAuthorised?.purpose ?? 'PERIODIC_REVIEW',
    chunk.runId,
  ]);
  await client.query(memberIndex);
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
