import { Box, Grid, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DataItemChips, useDataItemNames } from '../fields/DataItemChips.tsx';
import { HouseholdLink } from '../fields/HouseholdLink.tsx';
import { AgreementCodeLink } from './AgreementCodeLink.tsx';
import { operationLabel } from './operation-label.ts';

/** One entry in full: what was disclosed and denied, under which agreements, from where, and its hash. */
export function AuditEntryDetail() {
  const entry = useRecordContext();
  const translate = useTranslate();
  const itemName = useDataItemNames();
  if (!entry) return null;
  // "BANK_DEPOSIT:NO_AGREEMENT,VEHICLE:CONSENT_REQUIRED" as "银行存款 · 无生效协议; 车辆 · 需当事人授权".
  const reasons = String(entry.reason ?? '')
    .split(',')
    .filter(Boolean)
    .map((denial) => {
      const [item = '', why = ''] = denial.split(':');
      return `${itemName(item)} · ${translate(`hub.denied.reason.${why}`, { _: why })}`;
    })
    .join('; ');
  const row = (label: string, value: React.ReactNode) => (
    <Grid container spacing={1} sx={{ mb: 0.5 }}>
      <Grid size={{ xs: 12, sm: 3 }}>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
      </Grid>
      <Grid size={{ xs: 12, sm: 9 }}>
        <Typography variant="body2" component="div" sx={{ wordBreak: 'break-all' }}>
          {value || '—'}
        </Typography>
      </Grid>
    </Grid>
  );
  return (
    <Box sx={{ p: 2 }}>
      {row(
        'resources.AuditEntry.fields.itemsDisclosed',
        <DataItemChips codes={entry.itemsDisclosed} color="success" />,
      )}
      {row('resources.AuditEntry.fields.itemsDenied', <DataItemChips codes={entry.itemsDenied} color="error" />)}
      {row('resources.AuditEntry.fields.operation', `${operationLabel(translate, entry)} (${entry.operation})`)}
      {entry.change
        ? row(
            'resources.AuditEntry.fields.change',
            entry.change.changes.map((change: { field: string; oldValue: string | null; newValue: string | null }) => (
              <div key={change.field}>
                {change.field}: {change.oldValue ?? '—'} → {change.newValue ?? '—'}
              </div>
            )),
          )
        : null}
      {row('resources.AuditEntry.fields.reason', reasons)}
      {row(
        'resources.AuditEntry.fields.agreementIds',
        entry.agreementIds.length > 0
          ? entry.agreementIds.map((id: string, index: number) => (
              <span key={id}>
                {index > 0 ? '、' : null}
                <AgreementCodeLink id={id} />
              </span>
            ))
          : null,
      )}
      {/* The request's id matches the hub's logs (x-request-id): its first part shown, the whole on hover. */}
      {row(
        'resources.AuditEntry.fields.requestId',
        entry.requestId ? <code title={entry.requestId}>{`${String(entry.requestId).slice(0, 8)}…`}</code> : null,
      )}
      {row('resources.AuditEntry.fields.clientAddress', entry.clientAddress)}
      {row(
        'resources.AuditEntry.fields.subjectHouseholdId',
        entry.subjectHousehold ? (
          <HouseholdLink householdId={entry.subjectHouseholdId} household={entry.subjectHousehold} />
        ) : null,
      )}
      {row('resources.AuditEntry.fields.entryHash', <code>{entry.entryHash}</code>)}
    </Box>
  );
}
