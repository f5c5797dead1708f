import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { required, SelectInput, TextInput, useDataProvider, useRecordContext } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumChoices } from '../enums.ts';
import { citizenId } from '../identity/citizen-id-validator.ts';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegisterChangeDialog } from './RegisterChangeDialog.tsx';
import { ADD_HOUSEHOLD_MEMBER, todayInChina } from './register-mutations.ts';

/** Adds a member to the household from a day on; the composition before it stays as it was. */
export function AddMemberButton() {
  const household = useRecordContext();
  const dataProvider = useDataProvider<HubDataProvider>();
  if (!household) return null;
  return (
    <RegisterChangeDialog
      action="hub.register.add_member"
      icon={<PersonAddIcon />}
      defaultValues={{ joinedOn: todayInChina(), relation: 'CHILD' }}
      change={(values) =>
        dataProvider.mutate(ADD_HOUSEHOLD_MEMBER, {
          householdId: household.id,
          joinedOn: values.joinedOn,
          member: {
            idNumber: values.idNumber?.trim().toUpperCase(),
            name: values.name?.trim(),
            relation: values.relation,
          },
        })
      }
      done="hub.register.member_added"
    >
      <TextInput source="idNumber" label="resources.Person.fields.idNumber" validate={[required(), citizenId]} />
      <TextInput source="name" label="resources.Person.fields.name" validate={required()} />
      <SelectInput
        source="relation"
        label="resources.Person.fields.relation"
        choices={enumChoices('Relation')}
        validate={required()}
      />
      <DayInput source="joinedOn" label="hub.register.joined_on" validate={required()} />
    </RegisterChangeDialog>
  );
}
