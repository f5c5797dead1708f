import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { enumChoices } from '../enums.ts';

/**
 * One change to a user, with the reason the audit trail keeps: disabling, a new role (picked here), or a password
 * reset. Nothing is sent until the administrator confirms.
 */
export function UserReasonDialog(props: {
  open: boolean;
  title: string;
  content: string;
  username: string;
  /** The role picker, for a change of role: the user's current role to start from. */
  role?: string;
  reasonRequired: boolean;
  confirm: string;
  busy: boolean;
  onConfirm: (change: { reason: string; role: string | undefined }) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [role, setRole] = useState(props.role);
  const ready = (!props.reasonRequired || reason.trim() !== '') && (props.role === undefined || role !== props.role);
  const close = () => {
    setReason('');
    props.onClose();
  };
  return (
    <Dialog open={props.open} onClose={close} maxWidth="xs" fullWidth>
      <DialogTitle>{translate(props.title, { name: props.username })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(props.content, { name: props.username })}</DialogContentText>
        {props.role !== undefined ? (
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('resources.User.fields.role')}
            value={role ?? props.role}
            onChange={(event) => setRole(event.target.value)}
          >
            {enumChoices('UserRole').map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        <TextField
          fullWidth
          margin="dense"
          required={props.reasonRequired}
          label={translate('hub.users.reason')}
          helperText={translate('hub.users.reason_hint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!ready || props.busy}
          onClick={() => {
            props.onConfirm({ reason: reason.trim(), role });
            setReason('');
          }}
        >
          {translate(props.confirm)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
