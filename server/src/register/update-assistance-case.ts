import type { PrismaClient } from '@hub/prisma';
import type { AssistanceCaseChanges } from '@hub/schema/context';
import { conflictError, notFoundError } from '@hub/schema/errors';
import { InputProblems } from '@hub/schema/input-problems';
import { isUuid } from '@hub/schema/uuid';
import { checkCaseTerms } from './check-case-terms.ts';
import { findRegisteredHousehold } from './find-registered-household.ts';
import { requireRegisterEditor } from './require-register-editor.ts';
import { settleGracePeriod } from './settle-grace-period.ts';

/** Changes a case's status, end, amount or grace period; a TERMINATED case is closed and changes no more. */
export async function updateAssistanceCase(
  prisma: PrismaClient,
  id: string,
  changes: AssistanceCaseChanges,
  editorId: string,
): Promise<{ id: string; householdId: string }> {
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    const current = isUuid(id) ? await tx.assistanceCase.findUnique({ where: { id } }) : null;
    if (!current) throw notFoundError(`no assistance case has the id ${id}`);
    if (current.status === 'TERMINATED') {
      throw conflictError('INVALID_TRANSITION', 'the case is TERMINATED: record a new case instead');
    }
    const next = {
      status: changes.status ?? current.status,
      startedOn: current.startedOn,
      endedOn: changes.endedOn === undefined ? current.endedOn : changes.endedOn,
      monthlyAmountFen: changes.monthlyAmountFen ?? current.monthlyAmountFen,
      gracePeriodStartedOn: changes.gracePeriodStartedOn ?? current.gracePeriodStartedOn,
    };
    const problems = new InputProblems();
    checkCaseTerms(next, problems);
    problems.throwIfAny();
    const household = await findRegisteredHousehold(tx, current.householdId);
    const grace = await settleGracePeriod(tx, household, next.status, next.gracePeriodStartedOn);
    return tx.assistanceCase.update({
      where: { id: current.id },
      data: {
        status: next.status,
        endedOn: next.endedOn,
        monthlyAmountFen: next.monthlyAmountFen,
        ...grace,
      },
      select: { id: true, householdId: true },
    });
  });
}
