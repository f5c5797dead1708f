import {
  ArrayField,
  BooleanField,
  Datagrid,
  DateField,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { rememberIdNumber } from '../dataProvider/person-id-numbers.ts';
import { DeniedFields } from '../fields/DeniedFields.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { FenField } from '../fields/FenField.tsx';
import { PurposeSelect } from '../persons/PurposeSelect.tsx';

function Denied() {
  const household = useRecordContext();
  return <DeniedFields denied={household?.deniedFields} />;
}

export const HouseholdShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PurposeSelect />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <Denied />
      <TextField source="address" emptyText="—" />
      <TextField source="region.name" label="resources.Household.fields.region" />
      <EnumField source="areaType" enum="AreaType" />
      <NumberField source="memberCount" emptyText="—" />
      <BooleanField source="receivesMinimumLivingGuarantee" />
      <BooleanField source="recognisedAsLowIncome" />
      <ArrayField source="members">
        <Datagrid
          bulkActionButtons={false}
          rowClick={(_id, _resource, member) => {
            rememberIdNumber(String(member.id), String(member.idNumber));
            return `/Person/${member.id}/show`;
          }}
        >
          <TextField source="idNumber" label="resources.Person.fields.idNumber" />
          <TextField source="name" label="resources.Person.fields.name" />
          <EnumField source="relation" enum="Relation" label="resources.Person.fields.relation" />
          <DateField source="birthDate" label="resources.Person.fields.birthDate" />
        </Datagrid>
      </ArrayField>
      <ArrayField source="assistanceCases">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <EnumField source="kind" enum="AssistanceKind" label="hub.columns.kind" />
          <EnumField source="status" enum="CaseStatus" label="hub.columns.status" />
          <FenField source="monthlyAmountFen" label="hub.columns.monthlyAmountFen" />
          <DateField source="startedOn" label="hub.columns.startedOn" />
          <DateField source="endedOn" label="hub.columns.endedOn" emptyText="—" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
