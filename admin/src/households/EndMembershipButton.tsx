import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { required, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegisterChangeDialog } from './RegisterChangeDialog.tsx';
import { END_HOUSEHOLD_MEMBERSHIP, todayInChina } from './register-mutations.ts';

/** Ends a current membership from a day on (the person leaves); the row stays in the history. */
export function EndMembershipButton({ householdId }: { householdId: string }) {
  const membership = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  const translate = useTranslate();
  if (!membership || membership.validTo) return null;
  return (
    <RegisterChangeDialog
      action="hub.register.end_membership"
      title={translate('hub.register.end_membership_of', { name: membership.person.name ?? '' })}
      icon={<PersonRemoveIcon />}
      size="small"
      color="warning"
      defaultValues={{ leftOn: todayInChina() }}
      change={(values) =>
        dataProvider.mutate(END_HOUSEHOLD_MEMBERSHIP, {
          householdId,
          idNumber: membership.person.idNumber,
          leftOn: values.leftOn,
        })
      }
      done="hub.register.membership_ended"
    >
      <DayInput source="leftOn" label="hub.register.left_on" validate={required()} />
    </RegisterChangeDialog>
  );
}
