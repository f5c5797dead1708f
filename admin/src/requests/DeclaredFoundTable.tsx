import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import { formatFen } from '../money.ts';

interface Line {
  category: string;
  memberIdNumber: string | null;
  source: string;
  declaredFen: string | null;
  foundFen: string | null;
  differenceFen: string | null;
  evidence: { dataset: string; snapshotId: string; amountFen: string }[];
}

const COUNTED = new Set(['PROPERTY', 'BUSINESS']);
// Income and rigid expenditure name their source by a code; the other categories by free text.
const SOURCE_ENUMS = { INCOME: 'IncomeSource', RIGID_EXPENDITURE: 'RigidExpenditureSource' } as const;

/** Declared (申报) against found (核对), item by item, with the records each found amount rests on. */
export function DeclaredFoundTable() {
  const request = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lines = (request?.report ?? null) as Line[] | null;
  if (!lines) return <Typography color="text.secondary">{translate('hub.requests.not_reported')}</Typography>;
  const amount = (line: Line, value: string | null) =>
    value === null ? '—' : COUNTED.has(line.category) ? value : formatFen(value, locale);
  return (
    <Table size="small" aria-label={translate('hub.requests.declared_vs_found')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.VerificationRequest.fields.category')}</TableCell>
          <TableCell>{translate('resources.VerificationRequest.fields.memberIdNumber')}</TableCell>
          <TableCell>{translate('resources.VerificationRequest.fields.source')}</TableCell>
          <TableCell align="right">{translate('hub.requests.declared')}</TableCell>
          <TableCell align="right">{translate('hub.requests.found')}</TableCell>
          <TableCell align="right">{translate('hub.requests.difference')}</TableCell>
          <TableCell>{translate('hub.requests.evidence')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={`${line.category}|${line.memberIdNumber}|${line.source}|${line.declaredFen}|${line.foundFen}`}>
            <TableCell>{translate(enumLabel('DeclaredItemCategory', line.category))}</TableCell>
            <TableCell>{line.memberIdNumber ?? '—'}</TableCell>
            <TableCell>
              {line.category in SOURCE_ENUMS && line.source
                ? translate(enumLabel(SOURCE_ENUMS[line.category as keyof typeof SOURCE_ENUMS], line.source), {
                    _: line.source,
                  })
                : line.source || '—'}
            </TableCell>
            <TableCell align="right">{amount(line, line.declaredFen)}</TableCell>
            <TableCell align="right">{amount(line, line.foundFen)}</TableCell>
            <TableCell align="right">{amount(line, line.differenceFen)}</TableCell>
            <TableCell>
              {line.evidence.length === 0
                ? '—'
                : line.evidence
                    .map((item) => `${translate(`hub.enum.Dataset.${item.dataset}`, { _: item.dataset })}`)
                    .join('、')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
