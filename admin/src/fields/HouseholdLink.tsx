import HomeIcon from '@mui/icons-material/Home';
import { Button } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

/**
 * A link to a household's page, in place of its id: a finding or a change names the household the reader opens, never
 * a UUID. The click stays on the link (a results row would otherwise unfold).
 */
export function HouseholdLink({ householdId }: { householdId: string | null | undefined }) {
  const translate = useTranslate();
  if (!householdId) return <>—</>;
  return (
    <Button
      component={Link}
      to={`/Household/${encodeURIComponent(householdId)}/show`}
      size="small"
      startIcon={<HomeIcon />}
      onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {translate('hub.runs.open_household')}
    </Button>
  );
}
