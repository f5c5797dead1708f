import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

// An officer of the case's office: an enabled civil-affairs officer or administrator whose department's region is the
// office's or above it.
const FIND_OFFICER = `
  SELECT u.id, u.username FROM users u JOIN departments d ON d.id = u.department_id
   WHERE u.id = $1 AND u.disabled_at IS NULL AND u.role IN ('VERIFICATION_OFFICER', 'ADMIN')
     AND d.kind = 'CIVIL_AFFAIRS'
     AND EXISTS (SELECT 1 FROM hub_region_tree(d.region_code, 'BELOW') t WHERE t.code = $2)`;

/** Hands the case to an officer of its office; BAD_USER_INPUT (ASSIGNEE_OUTSIDE_OFFICE) for anyone else. */
export function assignDiscrepancyCase(
  pool: pg.Pool,
  caseId: string,
  assigneeId: string,
  actor: DiscrepancyCaseActor,
): Promise<{ id: string }> {
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('ASSIGN', found.status);
    const officer = isUuid(assigneeId)
      ? (await client.query<{ id: string; username: string }>(FIND_OFFICER, [assigneeId, found.officeRegionCode]))
          .rows[0]
      : undefined;
    if (!officer) {
      throw badUserInputError('ASSIGNEE_OUTSIDE_OFFICE', 'assign the case to an officer of its office', {
        assigneeId,
      });
    }
    const previous = await client.query<{ assignee_id: string | null }>(
      `SELECT assignee_id FROM discrepancy_cases WHERE id = $1`,
      [caseId],
    );
    await client.query(`UPDATE discrepancy_cases SET assignee_id = $2 WHERE id = $1`, [caseId, officer.id]);
    return {
      type: 'ASSIGNED',
      details: {
        assigneeId: officer.id,
        assigneeUsername: officer.username,
        previousAssigneeId: previous.rows[0]?.assignee_id ?? null,
      },
    };
  });
}
