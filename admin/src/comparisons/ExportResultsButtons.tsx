import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { TopToolbar, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { downloadFromHub } from './download-from-hub.ts';

// The filters of the results list the hub's export routes also take.
const EXPORTED_FILTERS = ['classification', 'flag'] as const;

/**
 * Exports a run's results as CSV or XLSX: the rows the list shows, under its filter, in the language the portal is
 * shown in (each export is audited).
 */
export function ExportResultsButtons({ runId }: { runId: string }) {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const query = new URLSearchParams([
    ...EXPORTED_FILTERS.flatMap((name) => (filterValues?.[name] ? [[name, String(filterValues[name])]] : [])),
    ['lang', locale === 'en' ? 'en' : 'zh-CN'],
  ]).toString();
  const exportAs = (extension: 'csv' | 'xlsx') =>
    downloadFromHub(
      `/comparisons/${runId}/assessments.${extension}?${query}`,
      `comparison-${runId}.${extension}`,
    ).catch((error: Error) => notify(error.message, { type: 'error' }));
  return (
    <TopToolbar>
      <Button startIcon={<DownloadIcon />} onClick={() => exportAs('csv')}>
        {translate('hub.runs.export_csv')}
      </Button>
      <Button startIcon={<DownloadIcon />} onClick={() => exportAs('xlsx')}>
        {translate('hub.runs.export_xlsx')}
      </Button>
    </TopToolbar>
  );
}
