import { Divider, Typography } from '@mui/material';
import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { EnumField } from '../fields/EnumField.tsx';
import { ApiClientPanel } from './ApiClientPanel.tsx';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const DepartmentShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="kind" enum="DepartmentKind" />
        <TextField source="region.name" />
      </SimpleShowLayout>
      <Divider />
      <Typography variant="h6" sx={{ px: 2, pt: 2 }}>
        {translate('resources.ApiClient.name', { smart_count: 2 })}
      </Typography>
      <ApiClientPanel />
    </Show>
  );
};
