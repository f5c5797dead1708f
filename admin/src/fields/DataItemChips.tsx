import { Chip } from '@mui/material';
import { useGetList, useLocaleState } from 'react-admin';

/** The catalogue's data item names in the reader's language, by code; a code it does not know stays a code. */
export function useDataItemNames(): (code: string) => string {
  const [locale] = useLocaleState();
  const { data } = useGetList('DataItem', { pagination: { page: 1, perPage: 1000 } });
  const names = new Map((data ?? []).map((item) => [item.code, locale.startsWith('zh') ? item.nameZh : item.nameEn]));
  return (code) => names.get(code) ?? code;
}

/** Data items by their name in the reader's language, as chips; the code only while the catalogue loads. */
export function DataItemChips({ codes, color }: { codes: readonly string[]; color: 'success' | 'error' | 'default' }) {
  const nameOf = useDataItemNames();
  if (codes.length === 0) return <span>—</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {codes.map((code) => (
        <Chip key={code} size="small" color={color} label={nameOf(code)} title={code} />
      ))}
    </span>
  );
}
