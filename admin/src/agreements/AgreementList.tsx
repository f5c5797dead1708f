import { CreateButton, Datagrid, List, ReferenceInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { AGREEMENT_STATUS_TONES } from './agreement-status-tones.ts';
import { ExpiryField } from './ExpiryField.tsx';

const filters = [
  <ReferenceInput key="p" source="providerDepartmentId" reference="Department" alwaysOn>
    <SelectInput optionText="name" label="resources.SharingAgreement.fields.provider" />
  </ReferenceInput>,
  <ReferenceInput key="c" source="consumerDepartmentId" reference="Department" alwaysOn>
    <SelectInput optionText="name" label="resources.SharingAgreement.fields.consumer" />
  </ReferenceInput>,
  <SelectInput key="s" source="status" choices={enumChoices('AgreementStatus')} alwaysOn />,
  <SelectInput key="u" source="purpose" choices={enumChoices('Purpose')} alwaysOn />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

export const AgreementList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" sortable={false} />
      <TextField source="title" sortable={false} />
      <TextField source="provider.name" label="resources.SharingAgreement.fields.provider" sortable={false} />
      <TextField source="consumer.name" label="resources.SharingAgreement.fields.consumer" sortable={false} />
      <EnumField source="purposes" enum="Purpose" chip sortable={false} />
      <EnumField source="effectiveStatus" enum="AgreementStatus" tones={AGREEMENT_STATUS_TONES} sortable={false} />
      <ExpiryField source="validUntil" sortable={false} />
    </Datagrid>
  </List>
);
