import { type FieldProps, useLocaleState, useRecordContext } from 'react-admin';
import { formatFen } from '../money.ts';

/** An amount in fen, shown in yuan. */
export function FenField(props: FieldProps) {
  const record = useRecordContext(props);
  const [locale] = useLocaleState();
  return <span>{formatFen(props.source ? record?.[props.source] : null, locale)}</span>;
}
