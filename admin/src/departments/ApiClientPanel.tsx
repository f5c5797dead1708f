import AddIcon from '@mui/icons-material/Add';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import BlockIcon from '@mui/icons-material/Block';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button, Chip, IconButton, TextField as MuiTextField, Stack } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  ListContextProvider,
  TextField,
  useCreate,
  useDataProvider,
  useGetManyReference,
  useList,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { HubDateField } from '../fields/HubDateField.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { REVOKE_API_CLIENT, ROTATE_API_CLIENT_SECRET } from './api-client-mutations.ts';
import { SecretDialog } from './SecretDialog.tsx';

interface ApiClientRecord {
  id: string;
  clientId: string;
  name: string;
  revokedAt: string | null;
}

/** A department's API clients: issue one (its secret shown once), rotate its secret, revoke it. */
export function ApiClientPanel() {
  const department = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [create, { isPending: creating }] = useCreate();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ clientId: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiClientRecord | null>(null);
  const [rotating, setRotating] = useState<ApiClientRecord | null>(null);
  const { data, isPending, refetch } = useGetManyReference<ApiClientRecord>(
    'ApiClient',
    { target: 'departmentId', id: department?.id, pagination: { page: 1, perPage: 100 } },
    { enabled: Boolean(department?.id) },
  );
  const listContext = useList({ data: data ?? [], isPending });

  const issue = () =>
    create(
      'ApiClient',
      { data: { departmentId: department?.id, name } },
      {
        onSuccess: (client) => {
          setSecret({ clientId: client.clientId, secret: client.clientSecret });
          setName('');
          void refetch();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  const rotate = async () => {
    const client = rotating;
    setRotating(null);
    if (!client) return;
    try {
      const answer = await dataProvider.mutate(ROTATE_API_CLIENT_SECRET, { id: client.id });
      setSecret({ clientId: client.clientId, secret: answer.rotateApiClientSecret.clientSecret });
      void refetch();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    try {
      await dataProvider.mutate(REVOKE_API_CLIENT, { id: revoking.id });
      notify('hub.api_clients.revoked', { type: 'info' });
      void refetch();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setRevoking(null);
    }
  };

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <MuiTextField
          size="small"
          label={translate('resources.ApiClient.fields.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          sx={{ minWidth: { sm: 320 } }}
        />
        <Button variant="contained" startIcon={<AddIcon />} disabled={!name.trim() || creating} onClick={issue}>
          {translate('hub.api_clients.issue')}
        </Button>
      </Stack>
      <ListContextProvider value={listContext}>
        <ResponsiveDatagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<p>{translate('hub.api_clients.none')}</p>}
        >
          <TextField source="name" label="resources.ApiClient.fields.name" sortable={false} />
          <ClientIdField label="resources.ApiClient.fields.clientId" />
          <HubDateField source="secretRotatedAt" label="resources.ApiClient.fields.secretRotatedAt" sortable={false} />
          <HubDateField source="lastUsedAt" label="resources.ApiClient.fields.lastUsedAt" sortable={false} />
          <ClientState label="resources.ApiClient.fields.revokedAt" />
          <ClientActions label="" onRotate={setRotating} onRevoke={setRevoking} />
        </ResponsiveDatagrid>
      </ListContextProvider>
      <SecretDialog clientId={secret?.clientId ?? ''} secret={secret?.secret ?? null} onClose={() => setSecret(null)} />
      <Confirm
        isOpen={rotating !== null}
        title="hub.api_clients.rotate_title"
        content="hub.api_clients.rotate_content"
        translateOptions={{ name: rotating?.name ?? '' }}
        onConfirm={rotate}
        onClose={() => setRotating(null)}
      />
      <Confirm
        isOpen={revoking !== null}
        title="hub.api_clients.revoke_title"
        content="hub.api_clients.revoke_content"
        translateOptions={{ name: revoking?.name ?? '' }}
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
}

/** The public client_id, which administrators hand to the partner, with a button that copies it. */
function ClientIdField(_props: { label: string }) {
  const client = useRecordContext<ApiClientRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  if (!client) return null;
  const copy = async () => {
    await navigator.clipboard?.writeText(client.clientId);
    notify('hub.api_clients.client_id_copied', { type: 'info' });
  };
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <span>{client.clientId}</span>
      <IconButton
        size="small"
        aria-label={`${translate('hub.api_clients.copy')} client_id`}
        onClick={() => void copy()}
      >
        <ContentCopyIcon fontSize="small" />
      </IconButton>
    </Stack>
  );
}

function ClientState(_props: { label: string }) {
  const client = useRecordContext<ApiClientRecord>();
  const translate = useTranslate();
  return client?.revokedAt ? (
    <Chip size="small" color="error" label={translate('hub.api_clients.state_revoked')} />
  ) : (
    <Chip size="small" color="success" label={translate('hub.api_clients.state_active')} />
  );
}

function ClientActions(props: {
  label: string;
  onRotate: (client: ApiClientRecord) => void;
  onRevoke: (client: ApiClientRecord) => void;
}) {
  const client = useRecordContext<ApiClientRecord>();
  const translate = useTranslate();
  if (!client || client.revokedAt) return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" startIcon={<AutorenewIcon />} onClick={() => props.onRotate(client)}>
        {translate('hub.api_clients.rotate')}
      </Button>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => props.onRevoke(client)}>
        {translate('hub.api_clients.revoke')}
      </Button>
    </Stack>
  );
}
