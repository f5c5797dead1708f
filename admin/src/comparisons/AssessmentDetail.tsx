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
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import { formatFen } from '../money.ts';
import { appliedRuleSentence } from './applied-rule-sentence.ts';
import { fetchHubPage } from './download-from-hub.ts';
import { policyCitation } from './policy-citation.ts';
import { readableComparison } from './readable-comparison.ts';

const WHOLE_CODE = /^[A-Z][A-Z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A fact's value as a person reads it: amounts (facts named …Fen) in yuan, codes in words (a value that is one code,
 * such as a staff member's tie "SPOUSE", as well as codes inside a sentence), the rest as recorded.
 */
function factValue(name: string, value: string | null, locale: string, term: (code: string) => string): string {
  if (value === null) return '—';
  if (name.endsWith('Fen') && /^-?\d+$/.test(value)) return formatFen(value, locale);
  if (WHOLE_CODE.test(value)) return term(value);
  return readableComparison(value, locale, term);
}

/** A fact a person can read: an internal identifier (a register household's UUID) is the record's, not the reader's. */
function readable(fact: { value: string | null }): boolean {
  return fact.value === null || !UUID.test(fact.value);
}

interface Evidence {
  dataset: string;
  asOf: string | null;
  recordId: string | null;
  snapshotId: string | null;
  department: { name: string } | null;
  /** Null when the record's data item is withheld from the reader (the error names it); a word may be withheld alone. */
  facts: { name: string; value: string | null; withheldItem: string | null }[] | null;
}

interface AppliedRule {
  rule: string;
  document: string | null;
  paragraph: string | null;
  holds: boolean | null;
  figures: string | null;
  compared: string;
}

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
    translate(`hub.value.${code}`, { _: translate(`hub.comparison_terms.${code}`, { _: code }) });
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
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('hub.provenance.dataset')}</TableCell>
                  <TableCell>{translate('hub.provenance.source')}</TableCell>
                  <TableCell>{translate('hub.provenance.as_of')}</TableCell>
                  <TableCell>{translate('hub.runs.facts')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {flag.evidence.map((evidence, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a flag's evidence is a fixed list, never reordered, and one record may stand in it twice
                  <TableRow key={`${flag.code}-${index}-${evidence.recordId ?? ''}`}>
                    <TableCell>{translate(enumLabel('Dataset', evidence.dataset), { _: evidence.dataset })}</TableCell>
                    <TableCell>{evidence.department?.name ?? '—'}</TableCell>
                    <TableCell>{evidence.asOf ?? '—'}</TableCell>
                    <TableCell>
                      {evidence.recordId === null ? <em>{translate('hub.runs.no_record')} </em> : null}
                      {evidence.facts === null
                        ? translate('hub.runs.withheld', {
                            item: translate(enumLabel('Dataset', evidence.dataset), { _: evidence.dataset }),
                          })
                        : evidence.facts
                            .filter(readable)
                            .map(
                              (fact) =>
                                `${translate(`hub.columns.${fact.name}`, { _: fact.name })}: ${
                                  fact.withheldItem
                                    ? translate('hub.runs.withheld', { item: fact.withheldItem })
                                    : factValue(fact.name, fact.value, locale, term)
                                }`,
                            )
                            .join('；')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Box>
      ))}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('hub.runs.applied_rules')}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="applied-rules">
          <TableHead>
            <TableRow>
              <TableCell>{translate('hub.runs.rule')}</TableCell>
              <TableCell>{translate('hub.runs.citation')}</TableCell>
              <TableCell>{translate('hub.runs.holds')}</TableCell>
              <TableCell>{translate('hub.runs.compared')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(assessment.appliedRules ?? []).map((applied: AppliedRule, index: number) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the applied rules are a fixed list, and one rule may apply twice
              <TableRow key={`${applied.rule}-${index}`}>
                <TableCell>{translate(enumLabel('PolicyRule', applied.rule), { _: applied.rule })}</TableCell>
                <TableCell>{policyCitation(applied.document, applied.paragraph, translate)}</TableCell>
                <TableCell>
                  {applied.holds === null ? '—' : translate(applied.holds ? 'hub.runs.holds_yes' : 'hub.runs.holds_no')}
                </TableCell>
                <TableCell>
                  {appliedRuleSentence(applied, { translate, locale, term }) ??
                    readableComparison(applied.compared, locale, term)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
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
