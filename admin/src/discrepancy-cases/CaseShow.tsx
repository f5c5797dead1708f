import { Card, CardContent, CardHeader, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, Show, useRecordContext, useTranslate } from 'react-admin';
import { AssessmentDetail } from '../comparisons/AssessmentDetail.tsx';
import { DeniedFields } from '../fields/DeniedFields.tsx';
import { householdHeadName } from '../households/HeadNameField.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { CaseHousehold } from './CaseHousehold.tsx';
import { CaseSummary } from './CaseSummary.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={translate(title)} titleTypographyProps={{ variant: 'subtitle1' }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** The latest finding's evidence: each flag with its records, and the rules applied, as a run's result shows them. */
function LatestEvidence() {
  const found = useRecordContext();
  const findings = found?.findings ?? [];
  const latest = findings[findings.length - 1];
  if (!latest?.assessment) return null;
  return (
    <RecordContextProvider value={{ ...latest.assessment, id: latest.assessment.householdId }}>
      <AssessmentDetail />
    </RecordContextProvider>
  );
}

function CaseTitle() {
  const found = useRecordContext();
  const translate = useTranslate();
  if (!found) return null;
  return <span>{translate('hub.cases.title', { head: householdHeadName(found.household) })}</span>;
}

function CaseScreen() {
  const found = useRecordContext();
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
      <DeniedFields denied={found?.deniedFields} />
      <CaseSummary />
      <CaseActions />
      <Section title="hub.cases.evidence" testId="case-evidence">
        <LatestEvidence />
      </Section>
      <Section title="hub.cases.household">
        <CaseHousehold />
      </Section>
      <Section title="hub.cases.attachments">
        <CaseAttachments />
      </Section>
      <Section title="hub.cases.timeline">
        <CaseTimeline />
      </Section>
    </Stack>
  );
}

/** One case: where it stands, the steps it offers, the evidence, the household, its files and its timeline. */
// On a phone nothing on the case screen may push the page wider than the screen: long words (a file's SHA-256, an
// English flag name) break, and a wide table scrolls inside its own box.
const FITS_THE_SCREEN = {
  minWidth: 0,
  maxWidth: '100%',
  overflowWrap: 'anywhere',
  '& .RaShow-main, & .RaShow-card, & .MuiCardContent-root': { minWidth: 0, maxWidth: '100%' },
} as const;

export const CaseShow = () => (
  <Show title={<CaseTitle />} actions={false} sx={FITS_THE_SCREEN}>
    <CaseScreen />
  </Show>
);
