import type { CaseReferralStatus } from '@hub/prisma';
import type { DepartmentReferral } from '@hub/schema/context';
import { maskValue } from '@hub/schema/disclosure/masks';
import type pg from 'pg';

// The minimum a department is shown of a referral: the household's region and its head's name (masked here,
// whatever the agreement's level), the needs and the office's reason; never the finding, the case or the members.
const REFERRALS = `
  SELECT r.id, r.household_id AS "householdId", r.referred_at AS "referredAt", h.region_code AS "regionCode",
         g.name AS "regionName", head.name AS "headName", r.needs::text[] AS needs, r.reason, r.status,
         r.answer, r.answered_at AS "answeredAt"
    FROM case_referrals r
    JOIN households h ON h.id = r.household_id
    JOIN regions g ON g.code = h.region_code
    LEFT JOIN LATERAL (SELECT p.name FROM persons p
                        WHERE p.household_id = r.household_id AND p.relation = 'HEAD' LIMIT 1) head ON true
   WHERE r.department_id = $1 AND ($2::"CaseReferralStatus" IS NULL OR r.status = $2) AND ($3::uuid IS NULL OR r.id = $3)
   ORDER BY r.referred_at DESC, r.id`;

/** The referrals made to a department (one of them, with `referralId`), newest first, as it is shown them. */
export async function readCaseReferrals(
  db: pg.Pool | pg.ClientBase,
  departmentId: string,
  filter: { status?: CaseReferralStatus | null; referralId?: string },
): Promise<DepartmentReferral[]> {
  const { rows } = await db.query<DepartmentReferral>(REFERRALS, [
    departmentId,
    filter.status ?? null,
    filter.referralId ?? null,
  ]);
  return rows.map((row) => ({ ...row, headName: row.headName && (maskValue('NAME', row.headName) as string) }));
}
