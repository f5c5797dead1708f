import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';

/**
 * A button that opens a form in a dialog for one change to the register (a member added or leaving, a case opened or
 * closed). `change` sends it; on success the dialog closes with `done` notified and the page refreshes, and a refusal
 * is notified with the hub's message while the form stays open with what was typed.
 */
export function RegisterChangeDialog(props: {
  /** The i18n key of the button and the save button. */
  action: string;
  /** The dialog's title, when it says more than the action. */
  title?: string;
  icon?: ReactNode;
  color?: 'primary' | 'warning';
  size?: 'small' | 'medium';
  defaultValues: Record<string, unknown>;
  change: (values: Record<string, string>) => Promise<unknown>;
  /** The i18n key of the success message. */
  done: string;
  children: ReactNode;
}) {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const submit = async (values: Record<string, string>) => {
    try {
      await props.change(values);
      notify(props.done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button size={props.size} color={props.color} startIcon={props.icon} onClick={() => setOpen(true)}>
        {translate(props.action)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <Form onSubmit={submit} defaultValues={props.defaultValues}>
          <DialogTitle id={titleId}>{props.title ?? translate(props.action)}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label={props.action} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
