import { gql } from '@apollo/client';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumLabel } from '../enums.ts';
import { HouseholdLink } from '../fields/HouseholdLink.tsx';
import { HOUSEHOLD_SUMMARY, type HouseholdSummary } from '../fields/household-summary.ts';

const RUN_DIFF = gql`query ComparisonRunDiff($runId: ID!) {
  comparisonRunDiff(runId: $runId) {
    runId previousRun { id asOf completedAt }
    newlyFlagged { householdId household { ${HOUSEHOLD_SUMMARY} } classification previousClassification addedFlags removedFlags }
    cleared { householdId household { ${HOUSEHOLD_SUMMARY} } classification previousClassification addedFlags removedFlags }
    changedClass { householdId household { ${HOUSEHOLD_SUMMARY} } classification previousClassification addedFlags removedFlags }
  }
}`;

interface HouseholdChange {
  householdId: string;
  household: HouseholdSummary | null;
  classification: string | null;
  previousClassification: string | null;
  addedFlags: string[];
  removedFlags: string[];
}

interface RunDiffAnswer {
  previousRun: { id: string; asOf: string } | null;
  newlyFlagged: HouseholdChange[];
  cleared: HouseholdChange[];
  changedClass: HouseholdChange[];
}

/** What changed since the previous completed run of the same kind and region. */
export function RunDiff() {
  const run = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [diff, setDiff] = useState<RunDiffAnswer | null | undefined>(undefined);
  useEffect(() => {
    if (!run?.id) return;
    dataProvider
      .query(RUN_DIFF, { runId: run.id })
      .then((answer) => setDiff(answer.data?.comparisonRunDiff ?? null))
      .catch(() => setDiff(null));
  }, [run?.id, dataProvider]);
  if (diff === undefined) return null;
  if (!diff?.previousRun) return <Alert severity="info">{translate('hub.runs.no_previous_run')}</Alert>;
  const classLabel = (value: string | null) => (value ? translate(enumLabel('HouseholdClassification', value)) : '—');
  const flagChips = (flags: string[], color: 'warning' | 'success') =>
    flags.map((flag) => (
      <Chip key={flag} size="small" color={color} label={translate(enumLabel('AssessmentFlagCode', flag))} />
    ));
  const section = (key: 'newlyFlagged' | 'cleared' | 'changedClass') => (
    <Box key={key} sx={{ mb: 3 }}>
      <Typography variant="subtitle1">
        {translate(`hub.runs.diff.${key}`)} ({diff[key].length})
      </Typography>
      {diff[key].length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('hub.runs.diff.none')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.HouseholdAssessment.fields.householdId')}</TableCell>
                <TableCell>{translate('hub.runs.diff.before')}</TableCell>
                <TableCell>{translate('hub.runs.diff.after')}</TableCell>
                <TableCell>{translate('hub.runs.diff.flags')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {diff[key].slice(0, 200).map((change) => (
                <TableRow key={change.householdId}>
                  <TableCell>
                    <HouseholdLink householdId={change.householdId} household={change.household} />
                  </TableCell>
                  <TableCell>{classLabel(change.previousClassification)}</TableCell>
                  <TableCell>{classLabel(change.classification)}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
                      {flagChips(change.addedFlags, 'warning')}
                      {flagChips(change.removedFlags, 'success')}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
  return (
    <Box sx={{ width: '100%', minWidth: 0 }}>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('hub.runs.diff.against', { asOf: diff.previousRun.asOf })}
      </Alert>
      {section('newlyFlagged')}
      {section('changedClass')}
      {section('cleared')}
    </Box>
  );
}
