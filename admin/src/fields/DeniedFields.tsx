import LockIcon from '@mui/icons-material/Lock';
import { Alert, AlertTitle, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DeniedField } from '../dataProvider/hub-operation.ts';

/**
 * The fields the hub withheld, each with the data item that the caller's agreements or the subject's consent do
 * not cover: a denial is an answer, not a failure.
 */
export function DeniedFields({ denied }: { denied: DeniedField[] | undefined }) {
  const translate = useTranslate();
  if (!denied?.length) return null;
  return (
    <Alert severity="warning" icon={<LockIcon />} sx={{ my: 2 }} data-testid="denied-fields">
      <AlertTitle>{translate('hub.denied.title', { smart_count: denied.length })}</AlertTitle>
      {translate('hub.denied.explanation')}
      <List dense>
        {denied.map((field) => (
          <ListItem key={`${field.path}-${field.dataItem}`}>
            <ListItemIcon sx={{ minWidth: 32 }}>
              <LockIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={`${field.dataItem ?? field.path} — ${translate(`hub.denied.reason.${field.reason ?? 'FORBIDDEN'}`, { _: field.reason ?? '' })}`}
              secondary={`${field.path}: ${field.message}`}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}

/** Whether the hub withheld this branch (its path) from the answer. */
export const deniedAt = (denied: DeniedField[] | undefined, path: string) =>
  denied?.find((field) => field.path === path || field.path.startsWith(`${path}.`));
