// What a household's open application declares, read from its latest application that is still open (a
// verification request, 核对申请, writes it: docs/verification-requests.md): the large medical and education costs
// (刚性支出) deducted from its income before the comparison, and the member it asks to enrol alone (单人户), both
// yinchuan-2021, 二(四); and for 临时救助 the kind it asks for (二(七)).

/**
 * One row per household of the cohort with an open application: household_id, kind, amount_fen (rigid expenditure),
 * single_person_id, temporary_assistance_type, evidence.
 */
export function openApplicationSql(cohort: string, asOf: string): string {
  return `SELECT DISTINCT ON (a.household_id) a.household_id, a.kind,
         (a.medical_expense_monthly_fen + a.education_expense_monthly_fen)::bigint AS amount_fen, a.single_person_id,
         a.temporary_assistance_type,
         jsonb_build_object('departmentId', NULL, 'dataset', 'APPLICATION', 'recordId', a.id, 'snapshotId', NULL,
           'asOf', a.submitted_on, 'personId', NULL, 'facts', jsonb_build_object(
             'medicalExpenseMonthlyFen', a.medical_expense_monthly_fen,
             'educationExpenseMonthlyFen', a.education_expense_monthly_fen)) AS evidence
    FROM applications a
   WHERE a.household_id IN (SELECT household_id FROM ${cohort}) AND a.submitted_on <= ${asOf}
     AND a.status NOT IN ('REJECTED', 'WITHDRAWN')
   ORDER BY a.household_id, a.submitted_on DESC, a.created_at DESC, a.id`;
}
