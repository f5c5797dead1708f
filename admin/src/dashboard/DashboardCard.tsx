import { Alert, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { useTranslate } from 'react-admin';

export function DashboardCard(props: {
  title: string;
  loading?: boolean;
  error?: string;
  children: React.ReactNode;
  testId?: string;
  action?: React.ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={props.testId}>
      <CardHeader title={translate(props.title)} titleTypographyProps={{ variant: 'h6' }} action={props.action} />
      <CardContent>
        {props.loading ? <LinearProgress /> : null}
        {props.error ? (
          <Alert severity="info">{translate('hub.dashboard.unavailable', { reason: props.error })}</Alert>
        ) : null}
        {!props.loading && !props.error ? props.children : null}
      </CardContent>
    </Card>
  );
}
