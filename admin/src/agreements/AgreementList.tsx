import {
  CreateButton,
  Datagrid,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { enumChoices, enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { useSmallScreen } from '../layout/use-small-screen.ts';
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

/** On a phone, one entry per agreement: its title, who gives to whom for which purposes, and its status. */
function PhoneAgreements() {
  const translate = useTranslate();
  return (
    <SimpleList
      rowClick="show"
      primaryText={(agreement) => agreement.title}
      secondaryText={(agreement) =>
        `${agreement.provider?.name ?? ''} → ${agreement.consumer?.name ?? ''} · ${(agreement.purposes ?? [])
          .map((purpose: string) => translate(enumLabel('Purpose', purpose)))
          .join('、')}`
      }
      tertiaryText={<EnumField source="effectiveStatus" enum="AgreementStatus" tones={AGREEMENT_STATUS_TONES} />}
    />
  );
}

export const AgreementList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }}>
    {useSmallScreen() ? (
      <PhoneAgreements />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" sortable={false} />
        <TextField source="title" sortable={false} />
        <TextField source="provider.name" label="resources.SharingAgreement.fields.provider" sortable={false} />
        <TextField source="consumer.name" label="resources.SharingAgreement.fields.consumer" sortable={false} />
        <EnumField source="purposes" enum="Purpose" chip sortable={false} />
        <EnumField source="effectiveStatus" enum="AgreementStatus" tones={AGREEMENT_STATUS_TONES} sortable={false} />
        <ExpiryField source="validUntil" sortable={false} />
      </Datagrid>
    )}
  </List>
);
