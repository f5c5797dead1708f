import type { PrismaClient } from '@hub/prisma';
import type { RecordAssistanceCaseInput } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { InputProblems } from '@hub/schema/input-problems';
import { checkCaseTerms } from './check-case-terms.ts';
import { findRegisteredHousehold } from './find-registered-household.ts';
import { findSinglePerson } from './find-single-person.ts';
import { requireRegisterEditor } from './require-register-editor.ts';
import { settleGracePeriod } from './settle-grace-period.ts';

/** Enrols a household in one kind of assistance (or records an enrolment the register already had). */
export async function recordAssistanceCase(
  prisma: PrismaClient,
  input: RecordAssistanceCaseInput,
  editorId: string,
): Promise<{ id: string; householdId: string }> {
  const problems = new InputProblems();
  checkCaseTerms(input, problems);
  problems.throwIfAny();
  const caseNumber = input.caseNumber?.trim() || null;
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    const household = await findRegisteredHousehold(tx, input.householdId);
    if (caseNumber && (await tx.assistanceCase.findUnique({ where: { caseNumber }, select: { id: true } }))) {
      throw conflictError('CODE_TAKEN', `caseNumber: another case has the number ${caseNumber}`, {
        field: 'caseNumber',
      });
    }
    const singlePersonId = await findSinglePerson(tx, household.id, input.singlePersonIdNumber, input.startedOn);
    const grace = await settleGracePeriod(tx, household, input.status, input.gracePeriodStartedOn);
    return tx.assistanceCase.create({
      data: {
        householdId: household.id,
        caseNumber,
        kind: input.kind,
        status: input.status,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        monthlyAmountFen: input.monthlyAmountFen,
        singlePersonId,
        ...grace,
      },
      select: { id: true, householdId: true },
    });
  });
}
