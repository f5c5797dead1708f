import { List, NumberField, SelectInput, useRecordContext } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { FenField } from '../fields/FenField.tsx';
import { HouseholdLink } from '../fields/HouseholdLink.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { AssessmentDetail } from './AssessmentDetail.tsx';
import { ExportResultsButtons } from './ExportResultsButtons.tsx';
import { PerCapitaIncomeField } from './PerCapitaIncomeField.tsx';

const filters = [
  <SelectInput key="c" source="classification" choices={enumChoices('HouseholdClassification')} alwaysOn />,
  <SelectInput key="f" source="flag" choices={enumChoices('AssessmentFlagCode')} alwaysOn />,
];

function HouseholdIdLink(_props: { label: string }) {
  const assessment = useRecordContext();
  return <HouseholdLink householdId={assessment?.householdId} household={assessment?.household} />;
}

function FlagCodes(_props: { label: string }) {
  const assessment = useRecordContext();
  if (!assessment) return null;
  return (
    <EnumField
      record={{ id: assessment.id, codes: assessment.flags.map((flag: { code: string }) => flag.code) }}
      source="codes"
      enum="AssessmentFlagCode"
      chip
    />
  );
}

/** A run's household results, filtered by classification and flag on the hub, each opening to its evidence. */
export function AssessmentResults() {
  const run = useRecordContext();
  if (!run) return null;
  return (
    <List
      resource="HouseholdAssessment"
      filter={{ runId: run.id }}
      filters={filters}
      actions={<ExportResultsButtons runId={String(run.id)} />}
      disableSyncWithLocation
      storeKey={`assessments-${run.id}`}
      perPage={25}
      title=" "
      sx={{ width: '100%' }}
    >
      <ResponsiveDatagrid bulkActionButtons={false} expand={<AssessmentDetail />} rowClick="expand" expandSingle>
        <HouseholdIdLink label="resources.HouseholdAssessment.fields.householdId" />
        <EnumField source="classification" enum="HouseholdClassification" sortable={false} />
        <FlagCodes label="resources.HouseholdAssessment.fields.flags" />
        <NumberField source="countedMembers" sortable={false} />
        <PerCapitaIncomeField source="perCapitaIncomeFen" sortable={false} />
        <FenField source="financialAssetsFen" sortable={false} />
        <FenField source="standardMonthlyFen" sortable={false} />
      </ResponsiveDatagrid>
    </List>
  );
}
