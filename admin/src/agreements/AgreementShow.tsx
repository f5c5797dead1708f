import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  EditButton,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumLabel } from '../enums.ts';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { AGREEMENT_STATUS_TONES } from './agreement-status-tones.ts';
import { ExpiryField } from './ExpiryField.tsx';
import { TransitionButtons } from './TransitionButtons.tsx';

function Actions() {
  const agreement = useRecordContext();
  return (
    <TopToolbar>
      <TransitionButtons />
      {agreement?.status === 'DRAFT' ? <EditButton /> : null}
    </TopToolbar>
  );
}

function StatusReason() {
  const agreement = useRecordContext();
  const translate = useTranslate();
  if (!agreement?.statusReason) return null;
  return (
    <Alert severity={agreement.status === 'DRAFT' ? 'info' : 'warning'}>
      {translate('hub.agreements.status_reason', { reason: agreement.statusReason })}
    </Alert>
  );
}

interface ItemRow {
  dataItemCode: string;
  accessLevel: string;
  dataItem: { nameZh: string; nameEn: string; dataset: string | null } | null;
}

/** The granted items, grouped by the provider's dataset, as the matrix editor shows them. */
function GrantedItems() {
  const agreement = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const items: ItemRow[] = agreement?.items ?? [];
  const byDataset = new Map<string, ItemRow[]>();
  for (const item of items) {
    const dataset = item.dataItem?.dataset ?? '';
    byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), item]);
  }
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('hub.matrix.title')}
      </Typography>
      <Table size="small" data-testid="granted-items">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.matrix.item')}</TableCell>
            <TableCell>{translate('resources.SharingAgreement.fields.accessLevel')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...byDataset].map(([dataset, rows]) => [
            <TableRow key={`g-${dataset}`} sx={{ bgcolor: 'action.hover' }}>
              <TableCell colSpan={2}>
                <Typography variant="subtitle2">
                  {dataset ? translate(enumLabel('Dataset', dataset)) : translate('hub.matrix.computed')}
                </Typography>
              </TableCell>
            </TableRow>,
            ...rows.map((row) => (
              <TableRow key={row.dataItemCode}>
                {/* The item's code, which partners meet in the API's refusals, is kept for a hover, not shown. */}
                <TableCell title={row.dataItemCode}>
                  {row.dataItem
                    ? locale.startsWith('zh')
                      ? row.dataItem.nameZh
                      : row.dataItem.nameEn
                    : translate('hub.matrix.unknown_item')}
                </TableCell>
                <TableCell>
                  <Chip size="small" label={translate(enumLabel('AccessLevel', row.accessLevel))} />
                </TableCell>
              </TableRow>
            )),
          ])}
        </TableBody>
      </Table>
    </Box>
  );
}

export const AgreementShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <StatusReason />
      <TextField source="code" />
      <TextField source="title" />
      <TextField source="provider.name" label="resources.SharingAgreement.fields.provider" />
      <TextField source="consumer.name" label="resources.SharingAgreement.fields.consumer" />
      <EnumField source="purposes" enum="Purpose" chip />
      <EnumField source="effectiveStatus" enum="AgreementStatus" tones={AGREEMENT_STATUS_TONES} />
      <DayField source="validFrom" />
      <ExpiryField source="validUntil" />
      <NumberField source="dailyQueryQuota" emptyText="hub.agreements.no_quota" />
      <TextField source="author.displayName" label="resources.SharingAgreement.fields.author" />
      <TextField source="approver.displayName" label="resources.SharingAgreement.fields.approver" emptyText="—" />
      <HubDateField source="approvedAt" />
      <GrantedItems />
    </SimpleShowLayout>
  </Show>
);
