import HomeIcon from '@mui/icons-material/Home';
import { Button } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { type HouseholdSummary, householdSummaryText } from './household-summary.ts';

/**
 * A link to a household's page, named by its head, region and address as the viewer may see them, never by a UUID.
 * Without them (withheld), it says "open household". The click stays on the link (a results row would otherwise
 * unfold).
 */
export function HouseholdLink({
  householdId,
  household,
}: {
  householdId: string | null | undefined;
  household?: HouseholdSummary | null;
}) {
  const translate = useTranslate();
  const id = household?.id ?? householdId;
  const summary = householdSummaryText(household);
  if (!id) return <>{summary || '—'}</>;
  return (
    <Button
      component={Link}
      to={`/Household/${encodeURIComponent(id)}/show`}
      size="small"
      startIcon={<HomeIcon />}
      onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}
      data-testid="household-link"
      sx={{
        textTransform: 'none',
        textAlign: 'left',
        justifyContent: 'flex-start',
        minWidth: 0,
        whiteSpace: { xs: 'normal', sm: 'nowrap' },
      }}
    >
      {summary || translate('hub.runs.open_household')}
    </Button>
  );
}
