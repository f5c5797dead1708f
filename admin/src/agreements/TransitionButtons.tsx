import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { AGREEMENT_TRANSITIONS, type AgreementTransition, transitionsFor } from './agreement-transitions.ts';

/** The agreement's next steps in its life cycle; those needing a reason ask for it first. */
export function TransitionButtons() {
  const agreement = useRecordContext();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [asking, setAsking] = useState<AgreementTransition | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!agreement || !identity) return null;
  const open = transitionsFor(agreement as never, String(identity.id));
  const authorAwaitsApproval = agreement.status === 'PENDING_APPROVAL' && agreement.author?.id === identity.id;

  const run = async (transition: AgreementTransition, why?: string) => {
    setBusy(true);
    try {
      await dataProvider.mutate(AGREEMENT_TRANSITIONS[transition].document, { id: agreement.id, reason: why });
      notify(`hub.agreements.done.${transition}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setAsking(null);
      setReason('');
    }
  };

  return (
    <Stack direction="row" spacing={1}>
      {open.map((transition) => (
        <Button
          key={transition}
          variant={transition === 'approve' || transition === 'submit' ? 'contained' : 'outlined'}
          color={AGREEMENT_TRANSITIONS[transition].tone}
          disabled={busy}
          onClick={() => (AGREEMENT_TRANSITIONS[transition].reason ? setAsking(transition) : run(transition))}
        >
          {translate(`hub.agreements.action.${transition}`)}
        </Button>
      ))}
      {authorAwaitsApproval ? (
        <Tooltip title={translate('hub.agreements.not_own_approval')}>
          <span>
            <Button variant="contained" disabled>
              {translate('hub.agreements.action.approve')}
            </Button>
          </span>
        </Tooltip>
      ) : null}
      <Dialog open={asking !== null} onClose={() => setAsking(null)} fullWidth maxWidth="sm">
        <DialogTitle>{asking ? translate(`hub.agreements.action.${asking}`) : ''}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate('hub.agreements.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color={asking ? AGREEMENT_TRANSITIONS[asking].tone : 'primary'}
            disabled={!reason.trim() || busy}
            onClick={() => asking && run(asking, reason.trim())}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
