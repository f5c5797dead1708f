import { gql } from '@apollo/client';
import DownloadIcon from '@mui/icons-material/Download';
import StopIcon from '@mui/icons-material/Stop';
import { Button } from '@mui/material';
import { TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { downloadFromHub } from './download-from-hub.ts';
import { runHasEnded } from './use-run-progress.ts';

const CANCEL_RUN = gql`mutation CancelComparisonRun($id: ID!) { cancelComparisonRun(id: $id) { id status } }`;

/** Cancel a run in progress; export its results as CSV or XLSX (each export is audited by the hub). */
export function RunActions() {
  const run = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  if (!run) return <TopToolbar />;
  const exportAs = (extension: 'csv' | 'xlsx') =>
    downloadFromHub(`/comparisons/${run.id}/assessments.${extension}`, `comparison-${run.id}.${extension}`).catch(
      (error: Error) => notify(error.message, { type: 'error' }),
    );
  return (
    <TopToolbar>
      {!runHasEnded(run.status) ? (
        <Button
          color="warning"
          startIcon={<StopIcon />}
          onClick={async () => {
            await dataProvider
              .mutate(CANCEL_RUN, { id: run.id })
              .catch((error: Error) => notify(error.message, { type: 'error' }));
            refresh();
          }}
        >
          {translate('hub.runs.cancel')}
        </Button>
      ) : null}
      <Button startIcon={<DownloadIcon />} onClick={() => exportAs('csv')}>
        {translate('hub.runs.export_csv')}
      </Button>
      <Button startIcon={<DownloadIcon />} onClick={() => exportAs('xlsx')}>
        {translate('hub.runs.export_xlsx')}
      </Button>
    </TopToolbar>
  );
}
