import {
  ArrayField,
  BooleanField,
  Datagrid,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { DeclaredFoundTable } from './DeclaredFoundTable.tsx';
import { ReportDownloadButton } from './ReportDownloadButton.tsx';
import { REQUEST_STATUS_TONES } from './request-status-tones.ts';

/** A request as submitted, its state, and once reported: classification, flags, declared against found, report. */
export const RequestShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ReportDownloadButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="reference" />
      <EnumField source="kind" enum="AssistanceKind" />
      <DayField source="submittedOn" />
      <EnumField source="status" enum="VerificationRequestStatus" tones={REQUEST_STATUS_TONES} />
      <EnumField source="classification" enum="HouseholdClassification" />
      <EnumField source="flags" enum="AssessmentFlagCode" chip />
      <ArrayField source="members">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="idNumber" label="resources.Person.fields.idNumber" />
          <EnumField source="relation" enum="Relation" label="resources.Person.fields.relation" />
          <BooleanField source="isSeverelyDisabled" label="resources.VerificationRequest.fields.isSeverelyDisabled" />
          <BooleanField source="isCriticallyIll" label="resources.VerificationRequest.fields.isCriticallyIll" />
          <BooleanField source="signedAuthorisation" label="resources.VerificationRequest.fields.signedAuthorisation" />
        </Datagrid>
      </ArrayField>
      <TextField source="authorisationFileName" />
      <DayField source="authorisationSignedOn" />
      <TextField source="authorisationSha256" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
      <Labeled label="hub.requests.declared_vs_found" fullWidth>
        <DeclaredFoundTable />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
