import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DisclosureRecordButton } from '../audit/DisclosureRecordButton.tsx';
import type { DeniedField } from '../dataProvider/hub-operation.ts';
import { DayField } from '../fields/DayField.tsx';
import { DeniedFields, deniedAt } from '../fields/DeniedFields.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HouseholdLink } from '../fields/HouseholdLink.tsx';
import { BranchCard } from './BranchCard.tsx';
import { PurposeSelect } from './PurposeSelect.tsx';
import { PERSON_BRANCHES } from './person-branches.ts';
import { RecordConsentButton } from './RecordConsentButton.tsx';

function Branches() {
  const person = useRecordContext();
  const translate = useTranslate();
  if (!person) return null;
  const denied: DeniedField[] = person.deniedFields ?? [];
  const deathDenied = deniedAt(denied, 'person.death');
  return (
    <Box sx={{ p: 2 }}>
      <DeniedFields denied={denied} />
      {person.household ? (
        <Typography sx={{ mb: 2 }}>
          {translate('resources.Household.name', { smart_count: 1 })}:{' '}
          <HouseholdLink householdId={person.household.id} household={person.household} />
        </Typography>
      ) : null}
      {person.death || deathDenied ? (
        <BranchCard
          branch="death"
          columns={['funeralHome', 'diedOn', 'crematedOn']}
          records={person.death?.cremations ?? []}
          denied={deathDenied}
        />
      ) : null}
      <Grid container spacing={2}>
        {/* A branch with records takes the whole width its table needs; a withheld or empty one, half. */}
        {PERSON_BRANCHES.map(({ branch, columns }) => (
          <Grid key={branch} size={{ xs: 12, lg: person[branch]?.length ? 12 : 6 }}>
            <BranchCard
              branch={branch}
              columns={columns}
              records={person[branch]}
              denied={deniedAt(denied, `person.${branch}`)}
            />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}

function Heading() {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mx: 2, mt: 2 }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate('hub.persons.verification_hint')}
        </Typography>
      </CardContent>
    </Card>
  );
}

// Staff at the counter print the person's access record (查询记录) from here.
function PersonDisclosureRecordButton() {
  const person = useRecordContext();
  return person?.idNumber ? <DisclosureRecordButton idNumber={String(person.idNumber)} /> : null;
}

export const PersonShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PersonDisclosureRecordButton />
        <RecordConsentButton />
        <PurposeSelect />
      </TopToolbar>
    }
  >
    <Heading />
    <SimpleShowLayout>
      <TextField source="idNumber" />
      <TextField source="name" emptyText="—" />
      <EnumField source="sex" enum="Sex" />
      <DayField source="birthDate" />
      <EnumField source="relation" enum="Relation" />
    </SimpleShowLayout>
    <Branches />
  </Show>
);
