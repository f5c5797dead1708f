import { type Theme, useMediaQuery } from '@mui/material';
import { Datagrid, List, SimpleList, TextField, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { ConnectorHealthField } from './ConnectorHealthField.tsx';
import { ConnectorSettingsField } from './ConnectorSettingsField.tsx';

/** On a phone: the department and its datasets, then its health. */
function PhoneConnectors() {
  const translate = useTranslate();
  return (
    <SimpleList
      linkType={false}
      primaryText={(connector) => connector.department.name}
      secondaryText={(connector) =>
        (connector.datasets as string[]).map((dataset) => translate(enumLabel('Dataset', dataset))).join('、')
      }
      tertiaryText={() => <ConnectorHealthField />}
    />
  );
}

/**
 * The departments' live connectors: what each answers, where the hub calls it, how it batches, retries and breaks
 * the circuit, and how the department has been answering. Read-only here; `configureDepartmentConnector` sets them.
 */
export const ConnectorList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List pagination={false} perPage={1000} exporter={false}>
      {phone ? (
        <PhoneConnectors />
      ) : (
        <Datagrid rowClick={false} bulkActionButtons={false}>
          <TextField
            source="department.name"
            label="resources.DepartmentConnector.fields.department"
            sortable={false}
          />
          <EnumField source="datasets" enum="Dataset" sortable={false} />
          <TextField source="baseUrl" sortable={false} />
          <ConnectorSettingsField label="resources.DepartmentConnector.fields.settings" />
          <ConnectorHealthField label="resources.DepartmentConnector.fields.health" />
          <HubDateField source="updatedAt" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
