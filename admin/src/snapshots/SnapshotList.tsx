import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button } from '@mui/material';
import {
  Datagrid,
  List,
  NumberField,
  ReferenceInput,
  SelectInput,
  TextField,
  useListContext,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { downloadFromHub } from '../comparisons/download-from-hub.ts';
import { enumChoices } from '../enums.ts';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { FreshnessPanel } from './FreshnessPanel.tsx';

const STATUS_TONES = {
  LOADING: 'info',
  CURRENT: 'success',
  SUPERSEDED: 'default',
  REFUSED: 'error',
  FAILED: 'error',
} as const;

const filters = [
  <ReferenceInput key="d" source="departmentId" reference="Department" alwaysOn>
    <SelectInput optionText="name" label="resources.DatasetSnapshot.fields.department" />
  </ReferenceInput>,
  <SelectInput key="s" source="dataset" choices={enumChoices('Dataset')} alwaysOn />,
];

function RejectsButton(_props: { label: string }) {
  const snapshot = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  if (!snapshot || snapshot.rejectCount === 0) return null;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      onClick={() =>
        downloadFromHub(snapshot.rejectsReportPath, `rejects-${snapshot.id}.csv`).catch((error: Error) =>
          notify(error.message, { type: 'error' }),
        )
      }
    >
      {translate('hub.snapshots.rejects')}
    </Button>
  );
}

function Snapshots() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  if (!filterValues.departmentId) return <Alert severity="info">{translate('hub.snapshots.pick_department')}</Alert>;
  return (
    <>
      <FreshnessPanel departmentId={filterValues.departmentId} />
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <EnumField source="dataset" enum="Dataset" sortable={false} />
        <DayField source="asOf" sortable={false} />
        <EnumField source="status" enum="SnapshotStatus" tones={STATUS_TONES} sortable={false} />
        <EnumField source="source" enum="SnapshotSource" sortable={false} />
        <NumberField source="rowCount" sortable={false} />
        <NumberField source="acceptedCount" sortable={false} />
        <NumberField source="rejectCount" sortable={false} />
        <TextField source="statusReason" sortable={false} emptyText="—" />
        <HubDateField source="createdAt" sortable={false} />
        <RejectsButton label="" />
      </Datagrid>
    </>
  );
}

export const SnapshotList = () => (
  <List filters={filters} actions={false} empty={false}>
    <Snapshots />
  </List>
);
