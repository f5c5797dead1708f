// 刚性支出: the large medical and education costs a household declared, deducted from its income before the
// comparison (yinchuan-2021, 二(四)). Read from the household's latest application that is still open: a verification
// request (核对申请) writes its declared RIGID_EXPENDITURE items there (docs/verification-requests.md).

/** One row per household of the cohort that declared rigid expenditure: household_id, kind, amount_fen, evidence. */
export function declaredRigidExpenditureSql(cohort: string, asOf: string): string {
  return `SELECT DISTINCT ON (a.household_id) a.household_id, a.kind,
         (a.medical_expense_monthly_fen + a.education_expense_monthly_fen)::bigint AS amount_fen,
         jsonb_build_object('departmentId', NULL, 'dataset', 'APPLICATION', 'recordId', a.id, 'snapshotId', NULL,
           'asOf', a.submitted_on, 'personId', NULL, 'facts', jsonb_build_object(
             'medicalExpenseMonthlyFen', a.medical_expense_monthly_fen,
             'educationExpenseMonthlyFen', a.education_expense_monthly_fen)) AS evidence
    FROM applications a
   WHERE a.household_id IN (SELECT household_id FROM ${cohort}) AND a.submitted_on <= ${asOf}
     AND a.status NOT IN ('REJECTED', 'WITHDRAWN')
   ORDER BY a.household_id, a.submitted_on DESC, a.created_at DESC, a.id`;
}
