import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** The inbox's views: mine, my offices', overdue, due within seven days. */
export const INBOXES = ['MINE', 'OFFICE', 'OVERDUE', 'DUE_THIS_WEEK'] as const;

/** The inbox's quick filters as tabs over the list; each keeps the status and flag filters as they are. */
export function InboxTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const current = (filterValues.inbox as string | undefined) ?? 'OFFICE';
  return (
    <Tabs
      value={current}
      onChange={(_event, inbox: string) => setFilters({ ...filterValues, inbox }, displayedFilters)}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      sx={{ maxWidth: '100%' }}
      data-testid="case-inbox-tabs"
    >
      {INBOXES.map((inbox) => (
        <Tab key={inbox} value={inbox} label={translate(`hub.cases.inbox.${inbox}`)} />
      ))}
    </Tabs>
  );
}
