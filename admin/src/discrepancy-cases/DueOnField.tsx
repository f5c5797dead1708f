import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** The last working day to decide by (a date, China Standard Time), marked in red once it has passed undecided. */
export function DueOnField(_props: FieldProps) {
  const found = useRecordContext();
  const translate = useTranslate();
  if (!found?.dueOn) return <span>—</span>;
  return (
    <span
      style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}
      data-overdue={found.overdue ? 'true' : 'false'}
    >
      <span style={found.overdue ? { color: '#d32f2f', fontWeight: 600 } : undefined}>{found.dueOn}</span>
      {found.overdue ? <Chip size="small" color="error" label={translate('hub.cases.overdue')} /> : null}
    </span>
  );
}
