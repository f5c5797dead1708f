import { Box, Typography } from '@mui/material';
import {
  FunctionField,
  ListContextProvider,
  TextField,
  useGetList,
  useList,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DataItemChips } from '../fields/DataItemChips.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { AuditEntryDetail } from './AuditEntryDetail.tsx';
import { OperationLabelField } from './OperationLabelField.tsx';

const SHOWN = 100;
const DECISION_TONES = { ALLOWED: 'success', PARTIAL: 'warning', DENIED: 'error' } as const;

/**
 * An expanded request: its entries that match the list's filter (the subject's identity number, kept out of the
 * list's stored filter, comes as `subject`), read from the hub when the row is opened; each entry expands in full.
 */
export function RequestEntries({ subject }: { subject: string }) {
  const request = useRecordContext();
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList('AuditEntry', {
    filter: { ...filterValues, subjectIdNumber: subject || undefined, requestId: request?.id },
    pagination: { page: 1, perPage: SHOWN },
  });
  const entries = useList({ data: data ?? [], isPending });
  if (!request) return null;
  return (
    <Box sx={{ pl: 4, pr: 1, py: 1 }} data-testid="request-entries">
      {/* The request's id matches the hub's logs (x-request-id): kept on hover, not in the text a person reads. */}
      <Typography variant="subtitle2" gutterBottom title={request.requestId} data-request-id={request.requestId}>
        {translate('hub.audit.entries_of_request')}
      </Typography>
      {error ? <Typography color="error">{translate('ra.notification.http_error')}</Typography> : null}
      <ListContextProvider value={entries}>
        <ResponsiveDatagrid
          resource="AuditEntry"
          bulkActionButtons={false}
          expand={<AuditEntryDetail />}
          rowClick="expand"
          size="small"
          // The entry's number is short: its heading (序号) never breaks a character a line beside wide columns.
          sx={{ '& .column-sequence': { whiteSpace: 'nowrap' } }}
          empty={<Typography variant="body2">—</Typography>}
        >
          <TextField source="sequence" sortable={false} />
          <HubDateField source="occurredAt" sortable={false} />
          <OperationLabelField source="label" sortable={false} />
          <TextField source="subjectIdNumber" sortable={false} emptyText="—" />
          <FunctionField
            source="itemsDisclosed"
            sortable={false}
            render={(entry) => <DataItemChips codes={entry.itemsDisclosed} color="success" />}
          />
          <FunctionField
            source="itemsDenied"
            sortable={false}
            render={(entry) => <DataItemChips codes={entry.itemsDenied} color="error" />}
          />
          <EnumField source="decision" enum="AuditDecision" tones={DECISION_TONES} sortable={false} />
        </ResponsiveDatagrid>
      </ListContextProvider>
      {total !== undefined && total > SHOWN ? (
        <Typography variant="body2" color="text.secondary">
          {translate('hub.audit.more_entries', { shown: SHOWN, total })}
        </Typography>
      ) : null}
    </Box>
  );
}
