import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { todayInChina } from '../china-time.ts';
import { CaseStepDialog } from './CaseStepDialog.tsx';
import { type DiscrepancyCaseStep, discrepancyCaseSteps } from './discrepancy-case-steps.ts';

/** The steps the case offers in its status, each opening its own small form. */
export function CaseActions() {
  const found = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState<DiscrepancyCaseStep | null>(null);
  if (!found) return null;
  const steps = discrepancyCaseSteps(found as never, todayInChina());
  if (steps.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="case-actions">
      {steps.map((step) => (
        <Button
          key={step}
          variant={step === 'ASSIGN' ? 'outlined' : 'contained'}
          size="small"
          onClick={() => setOpen(step)}
          data-step={step}
        >
          {translate(`hub.cases.steps.${step}`)}
        </Button>
      ))}
      {open ? <CaseStepDialog caseId={String(found.id)} step={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
