import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export interface ShownValue {
  label: string;
  value: string;
  /** Marks the value's input for tests and screen readers (`data-testid`). */
  testId?: string;
}

/**
 * Values the hub shows this once (a client secret, a new password): each with a copy button. Escape and a click
 * beside the dialog do not close it; only "I have saved it", once ticked, does, so nobody loses it unread.
 */
export function ShownOnceDialog(props: {
  open: boolean;
  title: string;
  warning: string;
  values: ShownValue[];
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [saved, setSaved] = useState(false);
  const close = () => {
    setSaved(false);
    props.onClose();
  };
  return (
    <Dialog open={props.open} disableEscapeKeyDown maxWidth="sm" fullWidth aria-labelledby="shown-once-title">
      <DialogTitle id="shown-once-title">{translate(props.title)}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate(props.warning)}
        </Alert>
        {props.values.map((shown) => (
          <TextField
            key={shown.label}
            label={shown.label}
            value={shown.value}
            fullWidth
            margin="dense"
            slotProps={{
              htmlInput: { 'data-testid': shown.testId, readOnly: true },
              input: {
                readOnly: true,
                endAdornment: (
                  <IconButton
                    aria-label={`${translate('hub.shown_once.copy')} ${shown.label}`}
                    onClick={() => void navigator.clipboard?.writeText(shown.value)}
                  >
                    <ContentCopyIcon />
                  </IconButton>
                ),
              },
            }}
          />
        ))}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} />}
          label={translate('hub.shown_once.confirm_saved')}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" disabled={!saved} onClick={close}>
          {translate('hub.shown_once.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
