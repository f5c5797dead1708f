import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A client secret, shown this once: the hub keeps only its hash. */
export function SecretDialog(props: { clientId: string; secret: string | null; onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open={props.secret !== null} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('hub.api_clients.secret_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('hub.api_clients.secret_once')}
        </Alert>
        <TextField
          label="client_id"
          value={props.clientId}
          fullWidth
          margin="dense"
          slotProps={{ input: { readOnly: true } }}
        />
        <TextField
          label="client_secret"
          value={props.secret ?? ''}
          fullWidth
          margin="dense"
          slotProps={{
            htmlInput: { 'data-testid': 'client-secret' },
            input: {
              readOnly: true,
              endAdornment: (
                <IconButton
                  aria-label={translate('hub.api_clients.copy')}
                  onClick={() => void navigator.clipboard?.writeText(props.secret ?? '')}
                >
                  <ContentCopyIcon />
                </IconButton>
              ),
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose}>
          {translate('hub.api_clients.secret_saved')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
