import LockIcon from '@mui/icons-material/Lock';
import { Alert, AlertTitle, Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DeniedField } from '../dataProvider/hub-operation.ts';

/**
 * The fields the hub withheld, each with the data item that the caller's agreements or the subject's consent do
 * not cover: a denial is an answer, not a failure. Each branch shows its own reason in full.
 */
export function DeniedFields({ denied }: { denied: DeniedField[] | undefined }) {
  const translate = useTranslate();
  if (!denied?.length) return null;
  return (
    <Alert severity="warning" icon={<LockIcon />} sx={{ my: 2 }} data-testid="denied-fields">
      <AlertTitle>{translate('hub.denied.title', { smart_count: denied.length })}</AlertTitle>
      {translate('hub.denied.explanation')}
      <Stack direction="row" sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }}>
        {denied.map((field) => (
          <Chip
            key={`${field.path}-${field.dataItem}`}
            size="small"
            icon={<LockIcon />}
            title={field.message}
            label={`${field.dataItem ?? field.path} · ${translate(`hub.denied.reason.${field.reason ?? 'FORBIDDEN'}`, { _: field.reason ?? '' })}`}
          />
        ))}
      </Stack>
    </Alert>
  );
}

/** Whether the hub withheld this branch (its path) from the answer. */
export const deniedAt = (denied: DeniedField[] | undefined, path: string) =>
  denied?.find((field) => field.path === path || field.path.startsWith(`${path}.`));
