import PrintIcon from '@mui/icons-material/Print';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { fetchHubPage } from '../comparisons/download-from-hub.ts';

/** A person's access record (查询记录), printed from the hub's page to hand to the citizen. */
export function DisclosureRecordButton({ idNumber }: { idNumber: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [page, setPage] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const open = async () => {
    if (!idNumber.trim()) {
      notify('hub.audit.disclosure_record_needs_subject', { type: 'warning' });
      return;
    }
    try {
      setPage(await fetchHubPage('/audit/disclosure-record', { idNumber: idNumber.trim().toUpperCase() }));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<ReceiptLongIcon />} onClick={open}>
        {translate('hub.audit.disclosure_record')}
      </Button>
      <Dialog open={page !== null} onClose={() => setPage(null)} fullWidth maxWidth="lg">
        <DialogTitle>{translate('hub.audit.disclosure_record')}</DialogTitle>
        <DialogContent sx={{ height: '70vh' }}>
          <iframe
            ref={frame}
            title={translate('hub.audit.disclosure_record')}
            srcDoc={page ?? ''}
            sandbox="allow-same-origin allow-modals"
            style={{ border: 0, width: '100%', height: '100%' }}
            data-testid="disclosure-record-frame"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPage(null)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => frame.current?.contentWindow?.print()}>
            {translate('hub.audit.print')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
