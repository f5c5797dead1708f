import { Box, TextField as MuiTextField } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  List,
  NumberField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useLocaleState,
  useStoreContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { ChinaTimeInput } from '../inputs/ChinaTimeInput.tsx';
import { ResponsiveDatagrid } from '../layout/ResponsiveDatagrid.tsx';
import { ChainVerification } from './ChainVerification.tsx';
import { DisclosureRecordButton } from './DisclosureRecordButton.tsx';
import { OperationLabelField } from './OperationLabelField.tsx';
import { RequestEntries } from './RequestEntries.tsx';

const DECISION_TONES = { ALLOWED: 'success', PARTIAL: 'warning', DENIED: 'error' } as const;
const FULL_ID_NUMBER = /^\d{17}[\dX]$/;
const field = (name: string) => `resources.AuditEntry.fields.${name}`;

function useFilters() {
  const [locale] = useLocaleState();
  return useMemo(
    () => [
      <ReferenceInput key="d" source="departmentId" reference="Department" alwaysOn>
        <SelectInput optionText="name" label={field('department')} />
      </ReferenceInput>,
      <TextInput key="a" source="actorName" label={field('actorName')} alwaysOn resettable />,
      <ReferenceInput key="i" source="itemCode" reference="DataItem" perPage={1000} alwaysOn>
        <AutocompleteInput
          label={field('itemCode')}
          optionText={locale.startsWith('zh') ? 'nameZh' : 'nameEn'}
          filterToQuery={(q: string) => ({ q })}
          sx={{ minWidth: 220 }}
        />
      </ReferenceInput>,
      <SelectInput
        key="c"
        source="decision"
        label={field('decision')}
        choices={enumChoices('AuditDecision')}
        alwaysOn
      />,
      <ChinaTimeInput key="f" source="occurredFrom" label={field('occurredFrom')} alwaysOn />,
      <ChinaTimeInput key="t" source="occurredTo" label={field('occurredTo')} alwaysOn />,
      <SelectInput key="e" source="event" label={field('event')} choices={enumChoices('AuditEventType')} />,
      <BooleanInput key="b" source="includeBookkeeping" label={field('includeBookkeeping')} alwaysOn />,
    ],
    [locale],
  );
}

/**
 * "Who saw this person": the subject's identity number. It lives in this page's memory only, never in the list's
 * stored filter nor the address bar (so never in the browser's history); it is sent once complete.
 */
function SubjectInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const translate = useTranslate();
  const typed = value.trim().toUpperCase();
  const incomplete = typed !== '' && !FULL_ID_NUMBER.test(typed);
  return (
    <MuiTextField
      label={translate(field('subjectIdNumber'))}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      size="small"
      autoComplete="off"
      inputProps={{ 'data-testid': 'audit-subject', spellCheck: false }}
      error={incomplete}
      helperText={translate(incomplete ? 'hub.audit.subject_incomplete' : 'hub.audit.subject_hint')}
      sx={{ minWidth: 300 }}
    />
  );
}

const STORE_KEY = 'AuditEntry.listParams';

/**
 * Drops an identity number an earlier version of this screen kept in the stored filter (the browser's local
 * storage), before the list reads that filter.
 */
function useStoredFilterWithoutSubject() {
  const store = useStoreContext();
  useState(() => {
    const stored = store.getItem<{ filter?: Record<string, unknown> }>(STORE_KEY);
    if (stored?.filter && 'subjectIdNumber' in stored.filter) {
      const { subjectIdNumber: _dropped, ...filter } = stored.filter;
      store.setItem(STORE_KEY, { ...stored, filter });
    }
    return null;
  });
}

/** The audit log: one row per request, newest first, filtered on the hub; a row expands into its entries. */
export function AuditRequestList() {
  useStoredFilterWithoutSubject();
  const [subjectText, setSubjectText] = useState('');
  const typed = subjectText.trim().toUpperCase();
  const subject = FULL_ID_NUMBER.test(typed) ? typed : '';
  const filters = useFilters();
  const actions = (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap', pt: 1 }}>
      <SubjectInput value={subjectText} onChange={setSubjectText} />
      <DisclosureRecordButton idNumber={subject} />
      <ChainVerification />
    </Box>
  );
  return (
    <List
      resource="AuditRequest"
      storeKey={STORE_KEY}
      disableSyncWithLocation
      title="resources.AuditRequest.name"
      filters={filters}
      filter={subject ? { subjectIdNumber: subject } : undefined}
      perPage={25}
      actions={actions}
      sort={{ field: 'lastSequence', order: 'DESC' }}
    >
      <ResponsiveDatagrid bulkActionButtons={false} expand={<RequestEntries subject={subject} />} rowClick="expand">
        <HubDateField source="occurredAt" sortable={false} />
        <TextField source="actorName" sortable={false} />
        <TextField source="department.name" label={field('department')} sortable={false} emptyText="—" />
        <EnumField source="purpose" enum="Purpose" sortable={false} />
        <OperationLabelField source="operation" sortable={false} />
        <NumberField source="entryCount" sortable={false} />
        <EnumField source="decision" enum="AuditDecision" tones={DECISION_TONES} sortable={false} />
      </ResponsiveDatagrid>
    </List>
  );
}
