import { gql } from '@apollo/client';
import StopIcon from '@mui/icons-material/Stop';
import { Button } from '@mui/material';
import { TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { runHasEnded } from './use-run-progress.ts';

const CANCEL_RUN = gql`mutation CancelComparisonRun($id: ID!) { cancelComparisonRun(id: $id) { id status } }`;

/** Cancel a run in progress (its results are exported from the results list, under the list's filter). */
export function RunActions() {
  const run = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  if (!run) return <TopToolbar />;
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
    </TopToolbar>
  );
}
