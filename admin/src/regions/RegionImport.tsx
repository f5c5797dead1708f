import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { type HubFileAnswer, sendFileWithProgress } from '../deliveries/send-file-with-progress.ts';

interface Summary {
  rows: number;
  added: string[];
  renamed: string[];
  changed: string[];
  restored: string[];
  retired: string[];
  retiredInUse: unknown[];
  unchanged: number;
  dryRun: boolean;
}

const CHANGES = ['added', 'renamed', 'changed', 'restored', 'retired', 'retiredInUse'] as const;

/**
 * 区划导入 (administrators): an administrative-division table (统计用区划代码, CSV) to POST /regions/imports, first as
 * a dry run if wanted; the answer says what changed, or names every bad row with its line and nothing changes.
 */
export function RegionImport() {
  const translate = useTranslate();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<HubFileAnswer | null>(null);

  const submit = async () => {
    if (!file) return;
    setSending(true);
    setAnswer(null);
    try {
      setAnswer(await sendFileWithProgress('POST', `/regions/imports?dryRun=${dryRun}`, file, 'text/csv', () => {}));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };

  const summary = answer?.status === 200 ? (answer.body.summary as Summary) : null;
  const problems = (answer?.body?.problems ?? []) as { line: number; code: string; reason: string; message: string }[];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="hub.region_import.title" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <Typography variant="body2">{translate('hub.region_import.intro')}</Typography>
          <Box>
            <Button variant="outlined" component="label" startIcon={<UploadIcon />}>
              {translate('hub.region_import.choose_file')}
              <input
                hidden
                type="file"
                accept=".csv,text/csv"
                aria-label={translate('hub.region_import.choose_file')}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography component="span" sx={{ ml: 2 }}>
              {file?.name ?? ''}
            </Typography>
          </Box>
          <FormControlLabel
            control={<Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />}
            label={translate('hub.region_import.dry_run')}
          />
          <Box>
            <Button variant="contained" disabled={!file || sending} onClick={submit}>
              {translate(dryRun ? 'hub.region_import.check' : 'hub.region_import.import')}
            </Button>
          </Box>
          {sending && <LinearProgress aria-label={translate('hub.region_import.title')} />}
          {summary && (
            <Alert severity="success" role="status" data-testid="region-import-result">
              <Typography variant="body2">
                {translate(summary.dryRun ? 'hub.region_import.would_change' : 'hub.region_import.changed', {
                  rows: summary.rows,
                  unchanged: summary.unchanged,
                })}
              </Typography>
              {CHANGES.map((change) => (
                <Typography variant="body2" key={change}>
                  {translate(`hub.region_import.${change === 'changed' ? 'changed_regions' : change}`)}:{' '}
                  {summary[change].length}
                  {summary[change].length > 0 && change !== 'retiredInUse'
                    ? ` (${(summary[change] as string[]).slice(0, 12).join(', ')}${summary[change].length > 12 ? ' …' : ''})`
                    : ''}
                </Typography>
              ))}
            </Alert>
          )}
          {answer && answer.status !== 200 && (
            <Alert severity="error" role="alert" data-testid="region-import-result">
              {answer.body?.error?.code}: {answer.body?.error?.message}
            </Alert>
          )}
          {problems.length > 0 && (
            <Table size="small" aria-label={translate('hub.region_import.problems')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('hub.region_import.line')}</TableCell>
                  <TableCell>{translate('hub.region_import.code')}</TableCell>
                  <TableCell>{translate('hub.region_import.reason')}</TableCell>
                  <TableCell>{translate('hub.region_import.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {problems.map((problem) => (
                  <TableRow key={`${problem.line}-${problem.reason}`}>
                    <TableCell>{problem.line}</TableCell>
                    <TableCell>{problem.code}</TableCell>
                    <TableCell>{problem.reason}</TableCell>
                    <TableCell>{problem.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
