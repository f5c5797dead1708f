import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useLayoutEffect, useRef, useState } from 'react';
import { useDataProvider, useGetList, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { todayInChina } from '../china-time.ts';
import { hubErrorReason } from '../dataProvider/hub-error-reason.ts';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { ENUMS, enumLabel } from '../enums.ts';
import { readSession } from '../hub-session.ts';
import { readFileBase64 } from '../requests/read-file-base64.ts';
import { DISCREPANCY_CASE_MUTATIONS } from './discrepancy-case-mutations.ts';
import type { DiscrepancyCaseStep } from './discrepancy-case-steps.ts';

type Values = Record<string, string>;

/** The variables of a step's mutation from what the dialog holds; null while something required is missing. */
async function variablesOf(step: DiscrepancyCaseStep, values: Values, file: File | null) {
  const decision = () =>
    values.outcome === 'CONFIRMED'
      ? { outcome: 'CONFIRMED', action: values.action, note: values.note || null }
      : { outcome: 'DISMISSED', dismissalReason: values.dismissalReason, note: values.note || null };
  switch (step) {
    case 'ASSIGN':
      return { assigneeId: values.assigneeId };
    case 'RECORD_VISIT':
      return { visitedOn: values.visitedOn, notes: values.notes ?? '' };
    case 'RECORD_EXPLANATION':
      return { explanation: values.explanation ?? '' };
    case 'ATTACH':
      if (!file) return null;
      return {
        input: {
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          contentBase64: await readFileBase64(file),
        },
      };
    case 'DECIDE':
    case 'DECIDE_APPEAL':
      return { input: decision() };
    case 'APPEAL':
      return { evidence: values.evidence ?? '' };
    case 'REFER':
      return {
        input: {
          departmentId: values.departmentId ?? '',
          needs: (values.needs ?? '').split(',').filter(Boolean),
          reason: values.reason ?? '',
        },
      };
    case 'CLOSE':
      return {};
  }
}

/** The officers a case can be handed to: oneself, and the department's users when the viewer may list them. */
function useAssignees() {
  const { permissions = [] } = usePermissions<string[]>();
  const me = readSession()?.user;
  const { data } = useGetList(
    'User',
    { pagination: { page: 1, perPage: 1000 } },
    { enabled: permissions.includes('USERS_MANAGE') },
  );
  const others = (data ?? []).filter((user) => user.id !== me?.id && user.department?.id === me?.department.id);
  return [...(me ? [{ id: me.id, displayName: me.displayName }] : []), ...others];
}

/** The departments a household can be referred to: any but civil affairs (the hub refuses one that cannot help). */
function useReferralDepartments(enabled: boolean) {
  const { data } = useGetList('Department', { pagination: { page: 1, perPage: 1000 } }, { enabled });
  return (data ?? []).filter((department) => department.kind !== 'CIVIL_AFFAIRS');
}

/** One step on a case: its form, the hub's answer, and the hub's refusal in the reader's language. */
export function CaseStepDialog(props: { caseId: string; step: DiscrepancyCaseStep; onClose: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HubDataProvider>();
  const assignees = useAssignees();
  const departments = useReferralDepartments(props.step === 'REFER');
  const [values, setValues] = useState<Values>({
    visitedOn: todayInChina(),
    outcome: 'CONFIRMED',
    assigneeId: readSession()?.user.id ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The refusal takes the keyboard's focus when it appears: the submit button that had it was disabled while the
  // hub answered, which sends focus to the page's body, outside the dialog, where Escape would not close it and a
  // screen reader would not read the refusal out. Before the browser paints it, so no key pressed meanwhile is lost.
  const refusalAlert = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (refusal) refusalAlert.current?.focus();
  }, [refusal]);
  const set = (name: string) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const text = (name: string, required = true) => (
    <TextField
      name={name}
      label={translate(`hub.cases.step_fields.${name}`)}
      value={values[name] ?? ''}
      onChange={set(name)}
      required={required}
      multiline
      minRows={3}
      fullWidth
    />
  );
  /** One of a list: an officer, a department, an enum's value. */
  const pick = (name: string, options: readonly { value: string; label: string }[], required = true) => (
    <TextField
      select
      name={name}
      label={translate(`hub.cases.step_fields.${name}`)}
      value={values[name] ?? ''}
      onChange={set(name)}
      required={required}
      fullWidth
    >
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
  const choice = (name: string, enumName: keyof typeof ENUMS) =>
    pick(
      name,
      ENUMS[enumName].map((value) => ({ value, label: translate(enumLabel(enumName, value)) })),
    );
  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const variables = await variablesOf(props.step, values, file);
      if (!variables) return;
      await dataProvider.mutate(DISCREPANCY_CASE_MUTATIONS[props.step], { id: props.caseId, ...variables });
      refresh();
      props.onClose();
    } catch (error) {
      const reason = hubErrorReason(error) ?? 'UNKNOWN';
      setRefusal(translate(`hub.cases.errors.${reason}`, { _: translate(`hub.errors.${reason}`, { _: reason }) }));
    } finally {
      setBusy(false);
    }
  };
  const deciding = props.step === 'DECIDE' || props.step === 'DECIDE_APPEAL';
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm" data-testid="case-step-dialog">
      <DialogTitle>{translate(`hub.cases.steps.${props.step}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.step === 'CLOSE' ? translate('hub.cases.close_confirm') : null}
          {props.step === 'ASSIGN'
            ? pick(
                'assigneeId',
                assignees.map((user) => ({ value: user.id, label: user.displayName })),
                false,
              )
            : null}
          {props.step === 'RECORD_VISIT' ? (
            <TextField
              type="date"
              name="visitedOn"
              label={translate('hub.cases.step_fields.visitedOn')}
              value={values.visitedOn ?? ''}
              onChange={set('visitedOn')}
              slotProps={{ inputLabel: { shrink: true } }}
              required
            />
          ) : null}
          {props.step === 'RECORD_VISIT' ? text('notes') : null}
          {props.step === 'RECORD_EXPLANATION' ? text('explanation') : null}
          {props.step === 'APPEAL' ? text('evidence') : null}
          {props.step === 'REFER'
            ? pick(
                'departmentId',
                departments.map((department) => ({ value: department.id, label: department.name })),
              )
            : null}
          {props.step === 'REFER' ? (
            <TextField
              select
              name="needs"
              label={translate('hub.cases.step_fields.needs')}
              value={(values.needs ?? '').split(',').filter(Boolean)}
              onChange={(event) => {
                const chosen = event.target.value as unknown as string[] | string;
                setValues((current) => ({ ...current, needs: [chosen].flat().join(',') }));
              }}
              slotProps={{
                select: {
                  multiple: true,
                  renderValue: (chosen) =>
                    (chosen as string[]).map((need) => translate(enumLabel('ReferralNeed', need))).join('、'),
                },
              }}
              required
              fullWidth
            >
              {ENUMS.ReferralNeed.map((need) => (
                <MenuItem key={need} value={need}>
                  {translate(enumLabel('ReferralNeed', need))}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          {props.step === 'REFER' ? text('reason') : null}
          {props.step === 'ATTACH' ? (
            <input
              type="file"
              name="file"
              aria-label={translate('hub.cases.step_fields.file')}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          ) : null}
          {deciding ? choice('outcome', 'DiscrepancyCaseOutcome') : null}
          {deciding && values.outcome === 'CONFIRMED' ? choice('action', 'DiscrepancyCaseAction') : null}
          {deciding && values.outcome === 'DISMISSED' ? choice('dismissalReason', 'DiscrepancyDismissalReason') : null}
          {deciding ? text('note', values.dismissalReason === 'OTHER' && values.outcome === 'DISMISSED') : null}
          {refusal ? (
            <Alert severity="error" data-testid="case-step-refusal" ref={refusalAlert} tabIndex={-1}>
              {refusal}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={busy} data-testid="case-step-submit">
          {translate(`hub.cases.steps.${props.step}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
