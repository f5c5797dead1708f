import type { DeclaredFoundLine } from '@hub/schema/context';
import type pg from 'pg';

// Each found record as a declared item would state it, from CURRENT snapshots only, as at the run's as-of date:
// monthly income by source, deposits and financial products at value, vehicles at estimated value, and properties
// and businesses counted one each.
const COMPARE_SQL = `
WITH req AS (
  SELECT vr.id, r.as_of FROM verification_requests vr JOIN comparison_runs r ON r.id = vr.comparison_run_id
   WHERE vr.id = $1),
member AS (SELECT m.person_id FROM verification_request_members m WHERE m.request_id = $1),
cur AS (SELECT id FROM dataset_snapshots WHERE status = 'CURRENT'),
found AS (
  SELECT 'INCOME' AS category, e.person_id, 'WAGE' AS source, e.monthly_wage_fen::bigint AS amount,
         'EMPLOYMENT' AS dataset, e.department_id, e.snapshot_id, e.id
    FROM employment_records e JOIN member m USING (person_id) CROSS JOIN req
   WHERE e.snapshot_id IN (SELECT id FROM cur) AND e.started_on <= req.as_of AND (e.ended_on IS NULL OR e.ended_on >= req.as_of)
  UNION ALL
  SELECT 'INCOME', pr.person_id, 'PENSION', pr.monthly_amount_fen, 'PENSION', pr.department_id, pr.snapshot_id, pr.id
    FROM pension_records pr JOIN member m USING (person_id) CROSS JOIN req
   WHERE pr.snapshot_id IN (SELECT id FROM cur) AND pr.started_on <= req.as_of AND (pr.stopped_on IS NULL OR pr.stopped_on > req.as_of)
  UNION ALL
  SELECT 'INCOME', ub.person_id, 'UNEMPLOYMENT_BENEFIT', ub.monthly_amount_fen, 'UNEMPLOYMENT_BENEFIT', ub.department_id,
         ub.snapshot_id, ub.id
    FROM unemployment_benefit_records ub JOIN member m USING (person_id) CROSS JOIN req
   WHERE ub.snapshot_id IN (SELECT id FROM cur) AND ub.started_on <= req.as_of AND ub.ends_on >= req.as_of
  UNION ALL
  SELECT 'INCOME', br.person_id, 'BUSINESS', br.monthly_income_fen, 'BUSINESS_REGISTRATION', br.department_id, br.snapshot_id, br.id
    FROM business_registrations br JOIN member m USING (person_id) CROSS JOIN req
   WHERE br.snapshot_id IN (SELECT id FROM cur) AND br.status = 'ACTIVE' AND br.registered_on <= req.as_of
     AND br.monthly_income_fen IS NOT NULL
  UNION ALL
  SELECT 'DEPOSIT', d.person_id, '', d.balance_fen, 'BANK_DEPOSIT', d.department_id, d.snapshot_id, d.id
    FROM bank_deposits d JOIN member m USING (person_id) WHERE d.snapshot_id IN (SELECT id FROM cur)
  UNION ALL
  SELECT 'DEPOSIT', w.person_id, '', w.market_value_fen, 'WEALTH_PRODUCT', w.department_id, w.snapshot_id, w.id
    FROM wealth_products w JOIN member m USING (person_id) WHERE w.snapshot_id IN (SELECT id FROM cur)
  UNION ALL
  SELECT 'VEHICLE', v.person_id, '', v.estimated_value_fen, 'VEHICLE', v.department_id, v.snapshot_id, v.id
    FROM vehicle_records v JOIN member m USING (person_id) CROSS JOIN req
   WHERE v.snapshot_id IN (SELECT id FROM cur) AND v.registered_on <= req.as_of
  UNION ALL
  SELECT 'PROPERTY', pr.person_id, '', 1, 'REAL_ESTATE', pr.department_id, pr.snapshot_id, pr.id
    FROM property_records pr JOIN member m USING (person_id) CROSS JOIN req
   WHERE pr.snapshot_id IN (SELECT id FROM cur) AND NOT pr.is_public_rental AND pr.acquired_on <= req.as_of
  UNION ALL
  SELECT 'BUSINESS', br.person_id, '', 1, 'BUSINESS_REGISTRATION', br.department_id, br.snapshot_id, br.id
    FROM business_registrations br JOIN member m USING (person_id) CROSS JOIN req
   WHERE br.snapshot_id IN (SELECT id FROM cur) AND br.status = 'ACTIVE' AND br.registered_on <= req.as_of
),
found_total AS (
  SELECT category, person_id, source, sum(amount)::bigint AS amount,
         jsonb_agg(jsonb_build_object('departmentId', department_id, 'dataset', dataset, 'snapshotId', snapshot_id,
           'recordId', id, 'amountFen', amount::text) ORDER BY dataset, id) AS evidence
    FROM found GROUP BY category, person_id, source
),
declared_total AS (
  SELECT category::text, person_id,
         CASE WHEN category IN ('INCOME', 'RIGID_EXPENDITURE') THEN source ELSE '' END AS source,
         sum(amount_fen)::bigint AS amount
    FROM declared_items WHERE request_id = $1 GROUP BY 1, 2, 3
)
SELECT coalesce(d.category, f.category) AS category, hub_mask_id_number(p.id_number) AS "memberIdNumber",
       coalesce(d.source, f.source) AS source, d.amount AS "declaredFen",
       CASE WHEN coalesce(d.category, f.category) = 'RIGID_EXPENDITURE'
              OR coalesce(d.source, f.source) IN ('AGRICULTURE', 'OTHER') THEN f.amount
            ELSE coalesce(f.amount, 0) END AS "foundFen",
       coalesce(f.evidence, '[]') AS evidence
  FROM declared_total d
  FULL JOIN found_total f ON f.category = d.category AND f.person_id IS NOT DISTINCT FROM d.person_id AND f.source = d.source
  LEFT JOIN persons p ON p.id = coalesce(d.person_id, f.person_id)
 ORDER BY 1, 2 NULLS FIRST, 3`;

/** The report's lines for one checked request: every declared item and every found one, matched item by item. */
export async function compareDeclaredWithFound(pool: pg.Pool, requestId: string): Promise<DeclaredFoundLine[]> {
  const { rows } = await pool.query<
    Omit<DeclaredFoundLine, 'differenceFen'> & { declaredFen: string | null; foundFen: string | null }
  >(COMPARE_SQL, [requestId]);
  return rows.map((row) => {
    const declared = row.declaredFen === null ? null : BigInt(row.declaredFen);
    const found = row.foundFen === null ? null : BigInt(row.foundFen);
    return {
      ...row,
      declaredFen: declared,
      foundFen: found,
      differenceFen: found === null ? null : found - (declared ?? 0n),
    };
  });
}
