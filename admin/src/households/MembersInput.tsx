import type { ReactElement } from 'react';
import { ArrayInput, required, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { citizenId } from '../identity/citizen-id-validator.ts';

/** Exactly one head of household, and no identity number twice. */
export function validateMembers(members: unknown): string | undefined {
  const list = (Array.isArray(members) ? members : []) as { idNumber?: string; relation?: string }[];
  if (list.length === 0) return 'hub.register.members_required';
  if (list.filter((member) => member?.relation === 'HEAD').length !== 1) return 'hub.register.one_head';
  const numbers = list
    .map((member) =>
      String(member?.idNumber ?? '')
        .trim()
        .toUpperCase(),
    )
    .filter(Boolean);
  if (new Set(numbers).size !== numbers.length) return 'hub.register.duplicate_member';
  return undefined;
}

/**
 * The members repeater: identity number (checked against GB 11643 as it is typed), name and relation to the head;
 * a form adds its own columns (`extra`, e.g. the 单人户 facts and the signature of the 授权书).
 */
export function MembersInput({ extra = [] }: { extra?: ReactElement[] }) {
  return (
    <ArrayInput source="members" label="resources.Household.fields.members" validate={validateMembers}>
      <SimpleFormIterator inline disableReordering sx={{ '& .MuiFormControlLabel-label': { whiteSpace: 'nowrap' } }}>
        <TextInput
          source="idNumber"
          label="resources.Person.fields.idNumber"
          validate={[required(), citizenId]}
          sx={{ minWidth: 220 }}
        />
        <TextInput source="name" label="resources.Person.fields.name" validate={required()} />
        <SelectInput
          source="relation"
          label="resources.Person.fields.relation"
          choices={enumChoices('Relation')}
          validate={required()}
        />
        {extra}
      </SimpleFormIterator>
    </ArrayInput>
  );
}
