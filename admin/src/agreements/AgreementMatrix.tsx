import {
  Alert,
  Chip,
  MenuItem,
  Paper,
  Radio,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useGetList, useGetOne, useInput, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumLabel } from '../enums.ts';
import {
  type AccessLevel,
  type AgreementItemInput,
  type CatalogueItem,
  levelOf,
  levelsFor,
  matrixGroups,
  withGroupLevel,
  withLevel,
  withoutForeignItems,
} from './matrix-state.ts';

const COLUMNS: (AccessLevel | null)[] = ['FULL', 'MASKED', 'DERIVED', null];

/**
 * The agreement's items as a matrix: the provider's data items as rows, grouped by dataset; one access level per
 * row (FULL, MASKED, DERIVED or none). Writes the form's `items`.
 */
export function AgreementMatrix() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field } = useInput<AgreementItemInput[]>({ source: 'items', defaultValue: [] });
  const items: AgreementItemInput[] = field.value ?? [];
  const providerId = useWatch({ name: 'providerDepartmentId' });
  const { data: provider } = useGetOne('Department', { id: providerId }, { enabled: Boolean(providerId) });
  const { data: catalogue = [] } = useGetList<CatalogueItem & { id: string }>('DataItem', {
    pagination: { page: 1, perPage: 1000 },
  });
  const groups = useMemo(() => matrixGroups(catalogue, provider?.kind), [catalogue, provider?.kind]);

  useEffect(() => {
    if (!provider || groups.length === 0) return;
    const kept = withoutForeignItems(items, groups);
    if (kept.length !== items.length) field.onChange(kept);
  }, [groups, provider, items, field]);

  if (!providerId) return <Alert severity="info">{translate('hub.matrix.pick_provider')}</Alert>;
  if (provider && groups.length === 0) return <Alert severity="warning">{translate('hub.matrix.no_items')}</Alert>;
  const itemName = (item: CatalogueItem) => (locale.startsWith('zh') ? item.nameZh : item.nameEn);

  return (
    <Paper variant="outlined" sx={{ width: '100%', overflowX: 'auto' }} data-testid="agreement-matrix">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.matrix.item')}</TableCell>
            {COLUMNS.map((level) => (
              <TableCell key={level ?? 'none'} align="center">
                {level ? translate(enumLabel('AccessLevel', level)) : translate('hub.matrix.none')}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((group) => (
            <MatrixGroupRows
              key={group.dataset ?? 'derived'}
              title={group.dataset ? translate(enumLabel('Dataset', group.dataset)) : translate('hub.matrix.computed')}
              onGroupLevel={(level) => field.onChange(withGroupLevel(items, group, level))}
            >
              {group.items.map((item) => (
                <TableRow key={item.code} hover data-item={item.code}>
                  <TableCell>
                    <Typography variant="body2">{itemName(item)}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {item.code}
                    </Typography>
                    {item.consentRequired ? (
                      <Chip size="small" sx={{ ml: 1 }} color="warning" label={translate('hub.matrix.consent')} />
                    ) : null}
                    {item.sensitivity === 'HIGH' ? (
                      <Chip
                        size="small"
                        sx={{ ml: 1 }}
                        color="error"
                        variant="outlined"
                        label={translate('hub.matrix.high')}
                      />
                    ) : null}
                  </TableCell>
                  {COLUMNS.map((level) => (
                    <TableCell key={level ?? 'none'} align="center">
                      {level === null || levelsFor(item).includes(level) ? (
                        <Radio
                          size="small"
                          checked={levelOf(items, item.code) === level}
                          onChange={() => field.onChange(withLevel(items, [item.code], level))}
                          slotProps={{ input: { 'aria-label': `${item.code} ${level ?? 'NONE'}` } }}
                        />
                      ) : (
                        <Typography variant="caption" color="text.disabled">
                          —
                        </Typography>
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </MatrixGroupRows>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function MatrixGroupRows(props: {
  title: string;
  onGroupLevel: (level: AccessLevel | null) => void;
  children: React.ReactNode;
}) {
  const translate = useTranslate();
  return (
    <>
      <TableRow sx={{ bgcolor: 'action.hover' }}>
        <TableCell colSpan={COLUMNS.length}>
          <Typography variant="subtitle2">{props.title}</Typography>
        </TableCell>
        <TableCell align="center">
          <Select
            size="small"
            variant="standard"
            displayEmpty
            value={'' as string}
            onChange={(event) =>
              props.onGroupLevel(event.target.value === 'NONE' ? null : (event.target.value as AccessLevel))
            }
            renderValue={() => translate('hub.matrix.set_group')}
          >
            {COLUMNS.map((level) => (
              <MenuItem key={level ?? 'none'} value={level ?? 'NONE'}>
                {level ? translate(enumLabel('AccessLevel', level)) : translate('hub.matrix.none')}
              </MenuItem>
            ))}
          </Select>
        </TableCell>
      </TableRow>
      {props.children}
    </>
  );
}
