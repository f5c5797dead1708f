import { Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { rememberIdNumber } from '../dataProvider/person-id-numbers.ts';
import { enumLabel } from '../enums.ts';
import { HouseholdLink } from '../fields/HouseholdLink.tsx';

interface Member {
  id: string;
  name: string | null;
  idNumber: string | null;
  relation: string | null;
}

// The person page looks a person up by the full identity number: a masked one cannot open it.
const opensPersonPage = (member: Member) => Boolean(member.idNumber && !member.idNumber.includes('*'));

/** The household's people as the officer's agreements disclose them (masked or withheld), with their pages. */
export function CaseHousehold() {
  const found = useRecordContext();
  const translate = useTranslate();
  const household = found?.household;
  if (!household) return null;
  const members: Member[] = household.members ?? [];
  return (
    <Stack spacing={1} data-testid="case-household">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2">
          {household.region?.name ?? '—'} · {household.address ?? '—'}
        </Typography>
        <HouseholdLink householdId={household.id} />
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.Person.fields.name')}</TableCell>
            <TableCell>{translate('resources.Person.fields.idNumber')}</TableCell>
            <TableCell>{translate('resources.Person.fields.relation')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((member) => (
            <TableRow key={member.id}>
              {/* A name and a relation keep to one line: on a phone the table gives their width to the identity
                  number, which may break anywhere, and a two-character name stood one character per line. */}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {opensPersonPage(member) ? (
                  <MuiLink
                    component={Link}
                    to={`/Person/${member.id}/show`}
                    onClick={() => rememberIdNumber(member.id, String(member.idNumber))}
                  >
                    {member.name ?? '—'}
                  </MuiLink>
                ) : (
                  (member.name ?? '—')
                )}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{member.idNumber ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {member.relation ? translate(enumLabel('Relation', member.relation)) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}
