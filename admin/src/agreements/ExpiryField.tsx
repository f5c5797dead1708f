import { Chip, Stack } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { daysUntilExpiry, EXPIRY_WARNING_DAYS } from './agreement-expiry.ts';

/** The last valid day, with a warning when it is near or past for an agreement that still grants. */
export function ExpiryField(_props: FieldProps) {
  const agreement = useRecordContext();
  const translate = useTranslate();
  if (!agreement?.validUntil) return null;
  const days = daysUntilExpiry(agreement.validUntil);
  const granting = ['ACTIVE', 'SUSPENDED', 'EXPIRED'].includes(agreement.effectiveStatus);
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <span>{agreement.validUntil}</span>
      {granting && days < 0 ? <Chip size="small" color="error" label={translate('hub.agreements.expired')} /> : null}
      {granting && days >= 0 && days <= EXPIRY_WARNING_DAYS ? (
        <Chip size="small" color="warning" label={translate('hub.agreements.expires_in', { smart_count: days })} />
      ) : null}
    </Stack>
  );
}
