import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DashboardCard } from './DashboardCard.tsx';
import { PENDING_APPROVALS } from './dashboard-queries.ts';
import { useHubQuery } from './use-hub-query.ts';

interface PendingAgreement {
  id: string;
  code: string;
  title: string;
  provider: { name: string };
  consumer: { name: string };
}

// The list's own filter, in react-admin's address form: the whole list of agreements waiting for approval.
const ALL_PENDING = `/SharingAgreement?filter=${encodeURIComponent(JSON.stringify({ status: 'PENDING_APPROVAL' }))}`;

/** Sharing agreements waiting for an administrator's approval, the oldest work of the day first to see. */
export function PendingApprovals() {
  const translate = useTranslate();
  const { data, error, loading } = useHubQuery<{
    sharingAgreements: { totalCount: number; edges: { node: PendingAgreement }[] };
  }>(PENDING_APPROVALS);
  const pending = data?.sharingAgreements.edges.map((edge) => edge.node) ?? [];
  const total = data?.sharingAgreements.totalCount ?? 0;
  return (
    <DashboardCard
      title="hub.dashboard.pending_approvals"
      loading={loading && !data}
      error={error}
      testId="pending-approvals"
    >
      {pending.length === 0 ? (
        <Typography color="text.secondary">{translate('hub.dashboard.no_pending_approvals')}</Typography>
      ) : (
        <>
          <List dense>
            {pending.map((agreement) => (
              <ListItem key={agreement.id} divider>
                <ListItemText
                  primary={<Link to={`/SharingAgreement/${agreement.id}/show`}>{agreement.title}</Link>}
                  secondary={`${agreement.code} · ${agreement.provider.name} → ${agreement.consumer.name}`}
                />
              </ListItem>
            ))}
          </List>
          <Link to={ALL_PENDING}>{translate('hub.dashboard.all_pending_approvals', { count: total })}</Link>
        </>
      )}
    </DashboardCard>
  );
}
