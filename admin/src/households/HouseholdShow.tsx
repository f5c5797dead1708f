import { Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  EditButton,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { rememberIdNumber } from '../dataProvider/person-id-numbers.ts';
import { DayField } from '../fields/DayField.tsx';
import { DeniedFields } from '../fields/DeniedFields.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { FenField } from '../fields/FenField.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { PurposeSelect } from '../persons/PurposeSelect.tsx';
import { AddMemberButton } from './AddMemberButton.tsx';
import { CloseCaseButton } from './CloseCaseButton.tsx';
import { EndMembershipButton } from './EndMembershipButton.tsx';
import { RecordCaseButton } from './RecordCaseButton.tsx';

function Denied() {
  const household = useRecordContext();
  return <DeniedFields denied={household?.deniedFields} />;
}

/** An empty table's text: react-admin's default names the resource ("No Households found"), not the rows. */
function NoneYet() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate('hub.register.none_yet')}
    </Typography>
  );
}

// The composition's history (every membership, current and ended): civil affairs ends one from a day on.
function Memberships() {
  const household = useRecordContext();
  if (!household?.memberships) return null;
  return (
    <Labeled label="resources.Household.fields.memberships" fullWidth>
      <ArrayField source="memberships">
        <ResponsiveDatagrid bulkActionButtons={false} rowClick={false} empty={<NoneYet />}>
          <TextField source="person.idNumber" label="resources.Person.fields.idNumber" />
          <TextField source="person.name" label="resources.Person.fields.name" />
          <EnumField source="relation" enum="Relation" label="resources.Person.fields.relation" />
          <DayField source="validFrom" label="hub.register.valid_from" />
          <DayField source="validTo" label="hub.register.valid_to" />
          <EndMembershipButton householdId={String(household.id)} />
        </ResponsiveDatagrid>
      </ArrayField>
    </Labeled>
  );
}

export const HouseholdShow = () => (
  <Show
    actions={
      // Four actions do not fit a phone's width in one row: they wrap.
      <TopToolbar sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <EditButton />
        <AddMemberButton />
        <RecordCaseButton />
        <PurposeSelect />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <Denied />
      <TextField source="address" emptyText="—" />
      <TextField source="registerNumber" emptyText="—" />
      <TextField source="region.name" label="resources.Household.fields.region" />
      <EnumField source="areaType" enum="AreaType" />
      <NumberField source="memberCount" emptyText="—" />
      <BooleanField source="receivesMinimumLivingGuarantee" />
      <BooleanField source="recognisedAsLowIncome" />
      <ArrayField source="members">
        <ResponsiveDatagrid
          bulkActionButtons={false}
          rowClick={(_id, _resource, member) => {
            rememberIdNumber(String(member.id), String(member.idNumber));
            return `/Person/${member.id}/show`;
          }}
        >
          <TextField source="idNumber" label="resources.Person.fields.idNumber" />
          <TextField source="name" label="resources.Person.fields.name" />
          <EnumField source="relation" enum="Relation" label="resources.Person.fields.relation" />
          <DayField source="birthDate" label="resources.Person.fields.birthDate" />
        </ResponsiveDatagrid>
      </ArrayField>
      <Memberships />
      <ArrayField source="assistanceCases">
        <ResponsiveDatagrid bulkActionButtons={false} rowClick={false} empty={<NoneYet />}>
          <TextField source="caseNumber" label="hub.columns.caseNumber" emptyText="—" />
          <EnumField source="kind" enum="AssistanceKind" label="hub.columns.kind" />
          <EnumField source="status" enum="CaseStatus" label="hub.columns.status" />
          <FenField source="monthlyAmountFen" label="hub.columns.monthlyAmountFen" />
          <DayField source="startedOn" label="hub.columns.startedOn" />
          <DayField source="endedOn" label="hub.columns.endedOn" />
          <TextField source="singlePerson.name" label="hub.register.single_person" emptyText="—" />
          <DayField source="gracePeriodEndsOn" label="hub.register.grace_period_ends_on" />
          <CloseCaseButton />
        </ResponsiveDatagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
