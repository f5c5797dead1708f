import { required, useDataProvider, useRecordContext } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegisterChangeDialog } from './RegisterChangeDialog.tsx';
import { todayInChina, UPDATE_ASSISTANCE_CASE } from './register-mutations.ts';

/** Closes a case: TERMINATED from its last day on. A terminated case changes no more (record a new one). */
export function CloseCaseButton() {
  const assistanceCase = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  if (!assistanceCase || assistanceCase.status === 'TERMINATED') return null;
  return (
    <RegisterChangeDialog
      action="hub.register.close_case"
      size="small"
      color="warning"
      defaultValues={{ endedOn: todayInChina() }}
      change={(values) =>
        dataProvider.mutate(UPDATE_ASSISTANCE_CASE, {
          id: assistanceCase.id,
          input: { status: 'TERMINATED', endedOn: values.endedOn },
        })
      }
      done="hub.register.case_closed"
    >
      <DayInput source="endedOn" label="hub.columns.endedOn" validate={required()} />
    </RegisterChangeDialog>
  );
}
