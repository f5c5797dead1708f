import { Box, Button, Card, CardActionArea, CardContent, Collapse, Stack } from '@mui/material';
import {
  Children,
  createElement,
  isValidElement,
  type ReactElement,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  useState,
} from 'react';
import {
  type DatagridProps,
  Labeled,
  type RaRecord,
  RecordContextProvider,
  useCreatePath,
  useListContext,
  useRedirect,
  useResourceContext,
  useTranslate,
} from 'react-admin';

/**
 * A list's rows as cards, each showing the columns a table would (label above value, side by side as far as the
 * width allows): the phone's layout of a Datagrid, given the Datagrid's own props and fields.
 */
export function RecordCards(props: DatagridProps) {
  const { data, isPending } = useListContext();
  if (isPending) return null;
  if (!data || data.length === 0) return props.empty ?? null;
  return (
    <Stack spacing={1} sx={{ py: 1, width: '100%' }} data-testid="record-cards">
      {data.map((record: RaRecord, index: number) => (
        <RecordContextProvider key={record.id ?? index} value={record}>
          <RecordCard {...props} record={record} />
        </RecordContextProvider>
      ))}
    </Stack>
  );
}

function RecordCard({ children, rowClick, expand, record, ...props }: DatagridProps & { record: RaRecord }) {
  const resource = useResourceContext(props);
  const createPath = useCreatePath();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const fields = <CardFields>{children}</CardFields>;
  const opens = rowClick === 'show' || rowClick === 'edit';
  const follow = async (event: ReactMouseEvent) => {
    if (typeof rowClick !== 'function') return;
    event.preventDefault();
    const path = await rowClick(record.id, resource ?? '', record);
    if (path) redirect(path);
  };
  return (
    <Card variant="outlined">
      {opens ? (
        <CardActionArea href={`#${createPath({ resource, id: record.id, type: rowClick })}`}>
          <CardContent>{fields}</CardContent>
        </CardActionArea>
      ) : typeof rowClick === 'function' ? (
        <CardActionArea onClick={follow}>
          <CardContent>{fields}</CardContent>
        </CardActionArea>
      ) : (
        <CardContent>{fields}</CardContent>
      )}
      {expand ? (
        <>
          <Box sx={{ px: 1, pb: 1 }}>
            <Button size="small" data-expand-card aria-expanded={open} onClick={() => setOpen(!open)}>
              {translate(open ? 'ra.action.close' : 'ra.action.expand')}
            </Button>
          </Box>
          <Collapse in={open} unmountOnExit>
            {isValidElement(expand) ? expand : createElement(expand as () => ReactNode)}
          </Collapse>
        </>
      ) : null}
    </Card>
  );
}

/** Each column of the table as a labelled value; a column without a label (buttons) stands as it is. */
function CardFields({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', gap: 1.5 }}>
      {Children.toArray(children)
        .filter(isValidElement)
        .map((field, index) => {
          const { label, source } = field.props as { label?: unknown; source?: string };
          const key = source ?? index;
          if (label === '' || label === false || (!label && !source)) return <Box key={key}>{field}</Box>;
          return <Labeled key={key}>{field as ReactElement<{ label?: string; source?: string }>}</Labeled>;
        })}
    </Box>
  );
}
