import { ruleTerm } from '@hub/schema/comparisons/say-applied-rule';
import DescriptionIcon from '@mui/icons-material/Description';
import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import { AppliedRules } from './AppliedRules.tsx';
import { fetchHubPage } from './download-from-hub.ts';
import { type Evidence, FlagEvidence } from './FlagEvidence.tsx';

/**
 * A household's result: each flag with the records it rests on, the rules the decision applied with their citations
 * and the exact figures compared, and its printable verification report.
 */
export function AssessmentDetail() {
  const assessment = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const term = (code: string) =>
    translate(`hub.value.${code}`, { _: ruleTerm(locale.startsWith('zh') ? 'zh-CN' : 'en', code) });
  const [report, setReport] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  if (!assessment) return null;
  const openReport = async () => {
    try {
      setReport(await fetchHubPage(`/comparisons/${assessment.runId}/households/${assessment.householdId}/report`));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box sx={{ p: 2 }} data-testid="assessment-detail">
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} alignItems="center">
        <Typography variant="subtitle1">{translate('hub.runs.evidence')}</Typography>
        <Button variant="outlined" startIcon={<DescriptionIcon />} onClick={openReport}>
          {translate('hub.runs.report')}
        </Button>
      </Stack>
      {assessment.flags.length === 0 ? (
        <Alert severity="success">{translate('hub.runs.no_flags_household')}</Alert>
      ) : null}
      {assessment.flags.map((flag: { code: string; evidence: Evidence[] }) => (
        <Box key={flag.code} sx={{ mb: 2 }}>
          <Chip color="warning" label={translate(enumLabel('AssessmentFlagCode', flag.code))} sx={{ mb: 1 }} />
          <FlagEvidence evidence={flag.evidence} term={term} />
        </Box>
      ))}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('hub.runs.applied_rules')}
      </Typography>
      <AppliedRules rules={assessment.appliedRules ?? []} />
      <Dialog open={report !== null} onClose={() => setReport(null)} fullWidth maxWidth="lg">
        <DialogTitle>{translate('hub.runs.report')}</DialogTitle>
        <DialogContent sx={{ height: '70vh' }}>
          <iframe
            ref={frame}
            title={translate('hub.runs.report')}
            srcDoc={report ?? ''}
            sandbox="allow-same-origin allow-modals"
            style={{ border: 0, width: '100%', height: '100%' }}
            data-testid="report-frame"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReport(null)}>{translate('ra.action.close')}</Button>
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => frame.current?.contentWindow?.print()}>
            {translate('hub.runs.print')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
