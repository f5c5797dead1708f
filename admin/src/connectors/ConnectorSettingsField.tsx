import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface ConnectorSettings {
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  circuitErrorPercentage: number;
  circuitMinimumBatches: number;
  circuitResetMs: number;
}

const seconds = (ms: number) => (ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 });

/** The connector's settings in words; its credential is never read back, so it is not here in any form. */
export function ConnectorSettingsField(_props: { label?: string }) {
  const connector = useRecordContext<ConnectorSettings>();
  const translate = useTranslate();
  if (!connector) return null;
  return (
    <>
      <Typography variant="body2">
        {translate('hub.connectors.batches', {
          batchSize: connector.batchSize,
          concurrency: connector.concurrency,
          timeout: seconds(connector.timeoutMs),
        })}
      </Typography>
      <Typography variant="body2">
        {translate('hub.connectors.retries', {
          retries: connector.retries,
          backoff: seconds(connector.backoffMs),
          maxBackoff: seconds(connector.maxBackoffMs),
        })}
      </Typography>
      <Typography variant="body2">
        {translate('hub.connectors.circuit', {
          percentage: connector.circuitErrorPercentage,
          minimum: connector.circuitMinimumBatches,
          reset: seconds(connector.circuitResetMs),
        })}
      </Typography>
    </>
  );
}
