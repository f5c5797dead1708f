import { gql } from '@apollo/client';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { downloadFromHub } from '../comparisons/download-from-hub.ts';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumLabel } from '../enums.ts';
import { todayInChina } from '../households/register-mutations.ts';
import { type HubFileAnswer, sendFileWithProgress } from './send-file-with-progress.ts';

const DELIVERABLE = gql`query DeliverableDatasets {
  me { department { id name kind } }
  datasets { dataset providerKind acceptsBulkDelivery columns { name required } }
}`;

interface Deliverable {
  dataset: string;
  columns: { name: string; required: boolean }[];
}

type Phase = { kind: 'idle' } | { kind: 'sending'; fraction: number } | { kind: 'done'; answer: HubFileAnswer };

const MEDIA_TYPE = (file: File) => (/\.(nd)?jsonl?$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv');

/**
 * 数据上传: a department's staff deliver a snapshot of one of their kind's datasets (CSV with a header line, or
 * NDJSON) to PUT /datasets/{DATASET}/snapshots, as its API client would; the screen shows the bytes sent, then the
 * snapshot's state, its counts and the rejects report.
 */
export function DatasetUpload() {
  const dataProvider = useDataProvider<HubDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [department, setDepartment] = useState<{ name: string; kind: string } | null>(null);
  const [deliverable, setDeliverable] = useState<Deliverable[]>([]);
  const [dataset, setDataset] = useState('');
  const [asOf, setAsOf] = useState(todayInChina());
  const [threshold, setThreshold] = useState('1%');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  useEffect(() => {
    dataProvider.query(DELIVERABLE).then(({ data }) => {
      const kind = data?.me?.department?.kind;
      setDepartment(data?.me?.department ?? null);
      const mine = (data?.datasets ?? []).filter(
        (d: { providerKind: string; acceptsBulkDelivery: boolean }) => d.providerKind === kind && d.acceptsBulkDelivery,
      );
      setDeliverable(mine);
      if (mine.length === 1) setDataset(mine[0].dataset);
    });
  }, [dataProvider]);

  const upload = async () => {
    if (!file || !dataset) return;
    setPhase({ kind: 'sending', fraction: 0 });
    try {
      const query = new URLSearchParams({ asOf, rejectThreshold: threshold });
      const answer = await sendFileWithProgress(
        'PUT',
        `/datasets/${dataset}/snapshots?${query}`,
        file,
        MEDIA_TYPE(file),
        (fraction) => setPhase({ kind: 'sending', fraction }),
      );
      setPhase({ kind: 'done', answer });
    } catch (error) {
      setPhase({ kind: 'idle' });
      notify((error as Error).message, { type: 'error' });
    }
  };

  const columns = deliverable.find((d) => d.dataset === dataset)?.columns ?? [];
  const snapshot = phase.kind === 'done' ? phase.answer.body?.snapshot : null;
  const error = phase.kind === 'done' ? phase.answer.body?.error : null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="hub.upload.title" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <Typography variant="body2">
            {translate('hub.upload.intro', { department: department?.name ?? '' })}
          </Typography>
          {department && deliverable.length === 0 && (
            <Alert severity="info">{translate('hub.upload.nothing_to_deliver')}</Alert>
          )}
          <TextField
            select
            label={translate('resources.DatasetSnapshot.fields.dataset')}
            value={dataset}
            onChange={(event) => setDataset(event.target.value)}
          >
            {deliverable.map((d) => (
              <MenuItem key={d.dataset} value={d.dataset}>
                {translate(enumLabel('Dataset', d.dataset))}
              </MenuItem>
            ))}
          </TextField>
          {columns.length > 0 && (
            <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
              {translate('hub.upload.header')}: {columns.map((c) => c.name).join(',')}
            </Typography>
          )}
          <TextField
            type="date"
            label={translate('resources.DatasetSnapshot.fields.asOf')}
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('hub.upload.reject_threshold')}
            helperText={translate('hub.upload.reject_threshold_hint')}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          />
          <Box>
            <Button variant="outlined" component="label" startIcon={<UploadIcon />}>
              {translate('hub.upload.choose_file')}
              <input
                hidden
                type="file"
                accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
                aria-label={translate('hub.upload.choose_file')}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography component="span" sx={{ ml: 2 }}>
              {file ? `${file.name} (${new Intl.NumberFormat(locale).format(file.size)} B)` : ''}
            </Typography>
          </Box>
          <Box>
            <Button variant="contained" disabled={!file || !dataset || phase.kind === 'sending'} onClick={upload}>
              {translate('hub.upload.deliver')}
            </Button>
          </Box>
          {phase.kind === 'sending' && (
            <Box>
              <Typography variant="body2">
                {phase.fraction < 1
                  ? translate('hub.upload.sending', { percent: Math.round(phase.fraction * 100) })
                  : translate('hub.upload.checking')}
              </Typography>
              <LinearProgress
                variant={phase.fraction < 1 ? 'determinate' : 'indeterminate'}
                value={phase.fraction * 100}
                aria-label={translate('hub.upload.progress')}
              />
            </Box>
          )}
          {phase.kind === 'done' && (
            <Alert
              severity={snapshot?.status === 'CURRENT' ? 'success' : 'error'}
              role="status"
              data-testid="upload-result"
            >
              {snapshot && (
                <>
                  <Typography variant="body2">
                    {translate('hub.upload.result', {
                      status: translate(enumLabel('SnapshotStatus', snapshot.status)),
                      rows: snapshot.rowCount,
                      accepted: snapshot.acceptedCount,
                      rejected: snapshot.rejectCount,
                    })}
                    {phase.answer.body?.duplicate ? ` ${translate('hub.upload.duplicate')}` : ''}
                  </Typography>
                  {snapshot.rejectCount > 0 && (
                    <Button
                      size="small"
                      startIcon={<DownloadIcon />}
                      onClick={() =>
                        downloadFromHub(snapshot.rejectsReport, `rejects-${snapshot.id}.csv`).catch((e: Error) =>
                          notify(e.message, { type: 'error' }),
                        )
                      }
                    >
                      {translate('hub.snapshots.rejects')}
                    </Button>
                  )}
                </>
              )}
              {error && (
                <Typography variant="body2">
                  {error.code}: {error.message}
                </Typography>
              )}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
