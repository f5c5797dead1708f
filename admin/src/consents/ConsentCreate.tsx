import { useEffect, useState } from 'react';
import {
  Create,
  ReferenceInput,
  regex,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useLocation,
  useNavigate,
  useNotify,
  useRedirect,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { DayInput } from '../inputs/DayInput.tsx';

const idNumber = regex(/^\d{17}[\dXx]$/, 'hub.validation.id_number');

// After recording, the list shows the person's consents: looked up by the number typed (the answer masks it). The
// number travels in the router's state, never in the address, so it stays out of the browser's history.
export function ConsentCreate() {
  const redirect = useRedirect();
  const notify = useNotify();
  // Opened from a person's page: their number is filled in, and cleared from the history entry at once.
  const { state, pathname } = useLocation();
  const navigate = useNavigate();
  const [personIdNumber] = useState(() => (state as { personIdNumber?: unknown } | null)?.personIdNumber);
  useEffect(() => {
    if (personIdNumber !== undefined) navigate(pathname, { replace: true, state: null });
  }, [personIdNumber, pathname, navigate]);
  return (
    <Create
      mutationOptions={{
        onSuccess: (_consent, variables) => {
          notify('hub.consents.recorded', { type: 'success' });
          const personIdNumber = String(
            (variables as { data: { personIdNumber: string } }).data.personIdNumber,
          ).toUpperCase();
          redirect('/Consent', undefined, undefined, undefined, { personIdNumber });
        },
      }}
    >
      <SimpleForm defaultValues={typeof personIdNumber === 'string' ? { personIdNumber } : undefined}>
        <TextInput source="personIdNumber" validate={[required(), idNumber]} />
        <SelectArrayInput source="purposes" choices={enumChoices('Purpose')} validate={required()} />
        <DayInput source="signedOn" validate={required()} />
        <DayInput source="expiresOn" validate={required()} />
        <TextInput source="documentReference" validate={required()} />
        <ReferenceInput source="departmentId" reference="Department">
          <SelectInput
            optionText="name"
            label="resources.Consent.fields.department"
            helperText="hub.consents.any_department"
          />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
