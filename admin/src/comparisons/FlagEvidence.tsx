import {
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  type Theme,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import { useDataItemNames } from '../fields/DataItemChips.tsx';
import { formatFen } from '../money.ts';
import { readableComparison } from './readable-comparison.ts';

const WHOLE_CODE = /^[A-Z][A-Z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A fact's value as a person reads it: amounts (facts named …Fen) in yuan, codes in words (a value that is one code,
 * such as a staff member's tie "SPOUSE", as well as codes inside a sentence), the rest as recorded.
 */
function factValue(name: string, value: string | null, locale: string, term: (code: string) => string): string {
  if (value === null) return '—';
  if (name.endsWith('Fen') && /^-?\d+$/.test(value)) return formatFen(value, locale);
  if (WHOLE_CODE.test(value)) return term(value);
  return readableComparison(value, locale, term);
}

/** A fact a person can read: an internal identifier (a register household's UUID) is the record's, not the reader's. */
function readable(fact: { value: string | null }): boolean {
  return fact.value === null || !UUID.test(fact.value);
}

export interface Evidence {
  dataset: string;
  asOf: string | null;
  recordId: string | null;
  snapshotId: string | null;
  department: { name: string } | null;
  /** Null when the record's data item is withheld from the reader (the error names it); a word may be withheld alone. */
  facts: { name: string; value: string | null; withheldItem: string | null }[] | null;
}

/**
 * The records a flag rests on: each record's dataset, department and date, and its facts in words. A table on a wide
 * screen; on a phone one block per record, as four columns would leave each a character or two wide.
 */
export function FlagEvidence({ evidence, term }: { evidence: readonly Evidence[]; term: (code: string) => string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const itemName = useDataItemNames();
  const dataset = (item: Evidence) => translate(enumLabel('Dataset', item.dataset), { _: item.dataset });
  const facts = (item: Evidence) => (
    <>
      {item.recordId === null ? <em>{translate('hub.runs.no_record')} </em> : null}
      {item.facts === null
        ? translate('hub.runs.withheld', { item: dataset(item) })
        : item.facts
            .filter(readable)
            .map(
              (fact) =>
                `${translate(`hub.columns.${fact.name}`, { _: fact.name })}: ${
                  fact.withheldItem
                    ? translate('hub.runs.withheld', { item: itemName(fact.withheldItem) })
                    : factValue(fact.name, fact.value, locale, term)
                }`,
            )
            .join('；')}
    </>
  );
  if (phone) {
    return (
      <Stack divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />} spacing={1}>
        {evidence.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a flag's evidence is a fixed list, never reordered, and one record may stand in it twice
          <Box key={`${index}-${item.recordId ?? ''}`}>
            <Typography variant="subtitle2">
              {[dataset(item), item.department?.name ?? '—', item.asOf ?? '—'].join(' · ')}
            </Typography>
            <Typography variant="body2">{facts(item)}</Typography>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.provenance.dataset')}</TableCell>
            <TableCell>{translate('hub.provenance.source')}</TableCell>
            <TableCell>{translate('hub.provenance.as_of')}</TableCell>
            <TableCell>{translate('hub.runs.facts')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evidence.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a flag's evidence is a fixed list, never reordered, and one record may stand in it twice
            <TableRow key={`${index}-${item.recordId ?? ''}`}>
              <TableCell>{dataset(item)}</TableCell>
              <TableCell>{item.department?.name ?? '—'}</TableCell>
              <TableCell>{item.asOf ?? '—'}</TableCell>
              <TableCell>{facts(item)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
