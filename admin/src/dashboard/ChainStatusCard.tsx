import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { AUDIT_CHAIN_STATUS, type AuditChainStatus } from '../audit/audit-chain-status.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { useHubQuery } from './use-hub-query.ts';

/** Whether the audit log's hash chain is intact, verified when the dashboard opens. */
export function ChainStatusCard() {
  const translate = useTranslate();
  const { data, error, loading } = useHubQuery<{ auditChainStatus: AuditChainStatus }>(AUDIT_CHAIN_STATUS);
  const status = data?.auditChainStatus;
  return (
    <DashboardCard title="hub.dashboard.audit_chain" loading={loading} error={error} testId="audit-chain">
      {status ? (
        <Alert severity={status.intact ? 'success' : 'error'}>
          {translate(status.intact ? 'hub.audit.chain_intact' : 'hub.audit.chain_broken')} ·{' '}
          {translate('hub.audit.chain_entries', { smart_count: status.entries })}
        </Alert>
      ) : null}
    </DashboardCard>
  );
}
