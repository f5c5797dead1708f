import { gql } from '@apollo/client';
import { Alert, Button, Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Confirm,
  CreateButton,
  Datagrid,
  List,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useListContext,
  useLocation,
  useNavigate,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { daysUntilExpiry, EXPIRY_WARNING_DAYS } from '../agreements/agreement-expiry.ts';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { CONSENT } from '../dataProvider/operations/consents.ts';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';

const WITHDRAW_CONSENT = gql`mutation WithdrawConsent($id: ID!) { withdrawConsent(id: $id) { ${CONSENT} } }`;

const filters = [<TextInput key="id" source="personIdNumber" alwaysOn resettable sx={{ minWidth: 280 }} />];

function ConsentState(_props: { label: string }) {
  const consent = useRecordContext();
  const translate = useTranslate();
  if (!consent) return null;
  if (consent.withdrawnAt) return <Chip size="small" label={translate('hub.consents.withdrawn')} />;
  const days = daysUntilExpiry(consent.expiresOn);
  if (days < 0) return <Chip size="small" color="error" label={translate('hub.consents.expired')} />;
  if (days <= EXPIRY_WARNING_DAYS)
    return <Chip size="small" color="warning" label={translate('hub.consents.expires_in', { smart_count: days })} />;
  return <Chip size="small" color="success" label={translate('hub.consents.in_force')} />;
}

function WithdrawButton(_props: { label: string }) {
  const consent = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [asking, setAsking] = useState(false);
  if (!consent || consent.withdrawnAt) return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setAsking(true);
        }}
      >
        {translate('hub.consents.withdraw')}
      </Button>
      <Confirm
        isOpen={asking}
        title="hub.consents.withdraw_title"
        content="hub.consents.withdraw_content"
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          try {
            await dataProvider.mutate(WITHDRAW_CONSENT, { id: consent.id });
            notify('hub.consents.withdrawn_done', { type: 'success' });
            refresh();
          } catch (error) {
            notify((error as Error).message, { type: 'error' });
          }
          setAsking(false);
        }}
      />
    </>
  );
}

function ConsentGrid() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  if (!filterValues.personIdNumber) return <Alert severity="info">{translate('hub.consents.enter_id')}</Alert>;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="personIdNumber" sortable={false} />
      <EnumField source="purposes" enum="Purpose" chip sortable={false} />
      <TextField
        source="department.name"
        label="resources.Consent.fields.department"
        emptyText="hub.consents.any_department"
        sortable={false}
      />
      <DayField source="signedOn" sortable={false} />
      <DayField source="expiresOn" sortable={false} />
      <TextField source="documentReference" sortable={false} />
      <ConsentState label="hub.consents.state" />
      <WithdrawButton label="" />
    </Datagrid>
  );
}

// The filter is an identity number: it lives in the page's own state, neither in the address (browser history) nor
// in react-admin's store (localStorage, which outlives the session on a shared counter computer). The consent form
// hands the number it recorded over in the router's state, which the list then clears from the history entry.
export function ConsentList() {
  const { state, pathname } = useLocation();
  const navigate = useNavigate();
  const [personIdNumber] = useState(() => (state as { personIdNumber?: unknown } | null)?.personIdNumber);
  useEffect(() => {
    if (personIdNumber !== undefined) navigate(pathname, { replace: true, state: null });
  }, [personIdNumber, pathname, navigate]);
  return (
    <List
      filters={filters}
      filterDefaultValues={typeof personIdNumber === 'string' ? { personIdNumber } : undefined}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      disableSyncWithLocation
      storeKey={false}
      empty={false}
    >
      <ConsentGrid />
    </List>
  );
}
