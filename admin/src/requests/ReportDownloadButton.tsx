import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { downloadFromHub } from '../comparisons/download-from-hub.ts';

/** The printable 核对报告 of a reported request: the household's report in the run that checked it. */
export function ReportDownloadButton() {
  const request = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  if (request?.status !== 'REPORTED' || !request.comparisonRunId) return null;
  return (
    <Button
      startIcon={<DownloadIcon />}
      onClick={() =>
        downloadFromHub(
          `/comparisons/${request.comparisonRunId}/households/${request.householdId}/report`,
          `hedui-baogao-${request.reference}.html`,
        ).catch((error: Error) => notify(error.message, { type: 'error' }))
      }
    >
      {translate('hub.requests.download_report')}
    </Button>
  );
}
