import { type FieldProps, useRecordContext } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';

/**
 * A calendar date as the portal writes it in both UI languages (2026-12-05, as DayInput takes it), never in the
 * browser's locale; an instant shows its day in China Standard Time.
 */
export function DayField(props: FieldProps) {
  const record = useRecordContext(props);
  const value = props.source ? (record?.[props.source] as string | null | undefined) : undefined;
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatChinaTime(value);
  return <span style={{ whiteSpace: 'nowrap' }}>{day.slice(0, 10)}</span>;
}
