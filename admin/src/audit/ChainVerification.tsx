import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert, AlertTitle, Box, Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { AUDIT_CHAIN_STATUS, type AuditChainStatus } from './audit-chain-status.ts';

/** Walks the whole hash chain on the hub now and says whether the log is intact, or where it was broken. */
export function ChainVerification() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [status, setStatus] = useState<AuditChainStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const verify = async () => {
    setRunning(true);
    setError(null);
    try {
      const answer = await dataProvider.query(AUDIT_CHAIN_STATUS);
      if (!answer.data?.auditChainStatus) throw new Error(answer.errors?.[0]?.message ?? 'no answer');
      setStatus(answer.data.auditChainStatus);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', py: 1 }}
      data-testid="chain-verification"
    >
      <Button
        variant="outlined"
        startIcon={running ? <CircularProgress size={16} /> : <VerifiedIcon />}
        onClick={verify}
        disabled={running}
      >
        {translate('hub.audit.verify_chain')}
      </Button>
      {error ? (
        <Alert severity="error" sx={{ py: 0 }}>
          {error}
        </Alert>
      ) : null}
      {status ? (
        <Alert
          severity={status.intact ? 'success' : 'error'}
          sx={{ py: 0 }}
          data-testid="chain-result"
          data-intact={status.intact}
        >
          <AlertTitle>{translate(status.intact ? 'hub.audit.chain_intact' : 'hub.audit.chain_broken')}</AlertTitle>
          {translate('hub.audit.chain_entries', { smart_count: status.entries })}
          {status.intact
            ? null
            : ` · ${translate(`hub.audit.problem.${status.problem}`)} · #${status.firstBrokenSequence} ${status.detail ?? ''}`}
        </Alert>
      ) : null}
    </Box>
  );
}
