import { Box, Chip, Grid, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** One entry in full: what was disclosed and denied, under which agreements, from where, and its hash. */
export function AuditEntryDetail() {
  const entry = useRecordContext();
  const translate = useTranslate();
  if (!entry) return null;
  const row = (label: string, value: React.ReactNode) => (
    <Grid container spacing={1} sx={{ mb: 0.5 }}>
      <Grid size={3}>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
      </Grid>
      <Grid size={9}>
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
        entry.itemsDisclosed.map((item: string) => (
          <Chip key={item} size="small" color="success" label={item} sx={{ mr: 0.5 }} />
        )),
      )}
      {row(
        'resources.AuditEntry.fields.itemsDenied',
        entry.itemsDenied.map((item: string) => (
          <Chip key={item} size="small" color="error" label={item} sx={{ mr: 0.5 }} />
        )),
      )}
      {row('resources.AuditEntry.fields.operation', entry.operation)}
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
      {row('resources.AuditEntry.fields.reason', entry.reason)}
      {row('resources.AuditEntry.fields.agreementIds', entry.agreementIds.join(', '))}
      {row('resources.AuditEntry.fields.requestId', entry.requestId)}
      {row('resources.AuditEntry.fields.clientAddress', entry.clientAddress)}
      {row('resources.AuditEntry.fields.subjectHouseholdId', entry.subjectHouseholdId)}
      {row('resources.AuditEntry.fields.entryHash', <code>{entry.entryHash}</code>)}
    </Box>
  );
}
