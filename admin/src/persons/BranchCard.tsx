import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { DeniedField } from '../dataProvider/hub-operation.ts';
import { formatFen } from '../money.ts';
import { ageInDays, FRESHNESS_DAYS } from './person-branches.ts';

interface Provenance {
  dataset: string;
  asOf: string;
  snapshotId: string;
  department: { name: string };
}

// biome-ignore lint/suspicious/noExplicitAny: each branch's records have their own fields
type BranchRecord = Record<string, any> & { provenance?: Provenance };

function cell(column: string, value: unknown, locale: string, translate: (key: string, options?: object) => string) {
  if (value === null || value === undefined) return '—';
  if (column.endsWith('Fen')) return formatFen(value as string, locale);
  if (typeof value === 'boolean') return translate(value ? 'hub.yes' : 'hub.no');
  if (typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value)) return translate(`hub.value.${value}`, { _: value });
  return String(value);
}

/** One department's branch of a person: its records with provenance and freshness, or why it is withheld. */
export function BranchCard(props: {
  branch: string;
  columns: string[];
  records: BranchRecord[] | null;
  denied?: DeniedField;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = translate(`hub.branches.${props.branch}`);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-branch={props.branch}>
      <CardHeader
        title={title}
        titleTypographyProps={{ variant: 'subtitle1' }}
        action={
          props.denied ? (
            <Chip
              icon={<LockIcon />}
              color="warning"
              size="small"
              label={props.denied.dataItem ?? translate('hub.denied.withheld')}
            />
          ) : null
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {props.denied ? (
          <Alert severity="warning" icon={<LockIcon />} data-testid={`denied-${props.branch}`}>
            {translate(`hub.denied.branch.${props.denied.reason ?? 'FORBIDDEN'}`, {
              item: props.denied.dataItem ?? props.denied.path,
            })}
            <Typography variant="caption" component="div" color="text.secondary">
              {props.denied.message}
            </Typography>
          </Alert>
        ) : !props.records || props.records.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('hub.persons.no_records')}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                {props.columns.map((column) => (
                  <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                    {translate(`hub.columns.${column}`, { _: column })}
                  </TableCell>
                ))}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('hub.provenance.source')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('hub.provenance.as_of')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {props.records.map((record) => {
                const age = record.provenance ? ageInDays(record.provenance.asOf) : null;
                return (
                  <TableRow key={record.id}>
                    {props.columns.map((column) => (
                      <TableCell key={column}>{cell(column, record[column], locale, translate)}</TableCell>
                    ))}
                    <TableCell>{record.provenance?.department.name ?? '—'}</TableCell>
                    <TableCell>
                      {record.provenance?.asOf ?? '—'}
                      {age !== null && age > FRESHNESS_DAYS ? (
                        <Chip
                          sx={{ ml: 1 }}
                          size="small"
                          color="warning"
                          label={translate('hub.provenance.stale', { smart_count: age })}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
