import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';
import { enumLabel } from '../enums.ts';
import { householdHeadName } from '../households/HeadNameField.tsx';
import { CASE_STATUS_TONES } from './case-status-tones.ts';
import { DueOnField } from './DueOnField.tsx';

function Item({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** Where the case stands: whose it is, its office, its deadline, and the decision and 复查 once there are. */
export function CaseSummary() {
  const found = useRecordContext();
  const translate = useTranslate();
  if (!found) return null;
  const term = (name: Parameters<typeof enumLabel>[0], value: string | null | undefined) =>
    value ? translate(enumLabel(name, value)) : '—';
  return (
    <Box
      data-testid="case-summary"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}
    >
      <Item label="resources.DiscrepancyCase.fields.status">
        <Chip
          size="small"
          color={CASE_STATUS_TONES[found.status] ?? 'default'}
          label={term('DiscrepancyCaseStatus', found.status)}
          data-testid="case-status"
        />
      </Item>
      <Item label="resources.DiscrepancyCase.fields.head">{householdHeadName(found.household)}</Item>
      <Item label="resources.DiscrepancyCase.fields.office">{found.office?.name ?? '—'}</Item>
      <Item label="resources.DiscrepancyCase.fields.kind">{term('ComparisonKind', found.kind)}</Item>
      <Item label="resources.DiscrepancyCase.fields.dueOn">
        <DueOnField source="dueOn" />
      </Item>
      <Item label="resources.DiscrepancyCase.fields.assigneeName">{found.assigneeName ?? '—'}</Item>
      <Item label="resources.DiscrepancyCase.fields.openedAt">{formatChinaTime(found.openedAt)}</Item>
      {found.outcome ? (
        <Item label="resources.DiscrepancyCase.fields.outcome">
          {[
            term('DiscrepancyCaseOutcome', found.outcome),
            found.action ? term('DiscrepancyCaseAction', found.action) : null,
            found.dismissalReason ? term('DiscrepancyDismissalReason', found.dismissalReason) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Item>
      ) : null}
      {found.decisionNote ? (
        <Item label="resources.DiscrepancyCase.fields.decisionNote">{found.decisionNote}</Item>
      ) : null}
      {found.appealableUntil ? (
        <Item label="resources.DiscrepancyCase.fields.appealableUntil">{found.appealableUntil}</Item>
      ) : null}
      {found.closure ? (
        <Item label="resources.DiscrepancyCase.fields.closure">
          {term('DiscrepancyCaseClosure', found.closure)} · {formatChinaTime(found.closedAt)}
        </Item>
      ) : null}
    </Box>
  );
}
