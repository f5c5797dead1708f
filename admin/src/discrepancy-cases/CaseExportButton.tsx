import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFromHub } from '../comparisons/download-from-hub.ts';

// The inbox filters the CSV route takes under the same names (docs/discrepancy-cases.md, CSV export).
const EXPORTED_FILTERS = ['inbox', 'status', 'flag'] as const;

/** The cases the inbox shows, under its filter, as the hub's CSV (each household shown is audited). */
export function CaseExportButton() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const query = new URLSearchParams(
    EXPORTED_FILTERS.flatMap((name) => (filterValues?.[name] ? [[name, String(filterValues[name])]] : [])),
  ).toString();
  const download = () =>
    downloadFromHub(`/discrepancy-cases.csv${query ? `?${query}` : ''}`, 'discrepancy-cases.csv').catch(
      (error: Error) => notify(error.message, { type: 'error' }),
    );
  return (
    <Button startIcon={<DownloadIcon />} onClick={download} size="small" data-testid="case-export">
      {translate('hub.cases.export_csv')}
    </Button>
  );
}
