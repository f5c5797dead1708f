import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';
import { enumLabel } from '../enums.ts';
import { connectorFailure } from './connector-failure.ts';

export interface ConnectorRecord {
  id: string;
  enabled: boolean;
  health: {
    circuit: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
    lastSuccessAt: string | null;
    lastFailureAt: string | null;
    lastFailureReason: string | null;
  };
}

const CIRCUIT_TONES = { CLOSED: 'success', HALF_OPEN: 'warning', OPEN: 'error' } as const;

/** How the department has been answering: its circuit, its last answer and its last failure (the reason as said). */
export function ConnectorHealthField(_props: { label?: string }) {
  const connector = useRecordContext<ConnectorRecord>();
  const translate = useTranslate();
  if (!connector) return null;
  const { health } = connector;
  return (
    <Stack spacing={0.5}>
      <span>
        {connector.enabled ? (
          <Chip
            size="small"
            color={CIRCUIT_TONES[health.circuit]}
            label={translate(enumLabel('CircuitState', health.circuit))}
          />
        ) : (
          <Chip size="small" label={translate('hub.connectors.disabled')} />
        )}
      </span>
      <Typography variant="body2">
        {translate('hub.connectors.last_success', {
          at: health.lastSuccessAt ? formatChinaTime(health.lastSuccessAt) : translate('hub.connectors.never'),
        })}
      </Typography>
      {health.lastFailureAt ? (
        <Typography variant="body2" color="error">
          {translate('hub.connectors.last_failure', { at: formatChinaTime(health.lastFailureAt) })}
          {health.lastFailureReason ? ` · ${connectorFailure(translate, health.lastFailureReason)}` : ''}
        </Typography>
      ) : null}
    </Stack>
  );
}
