import { type FieldProps, useRecordContext } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';

/** A date-time field in China Standard Time, the same in both UI languages and whatever the browser's zone. */
export function HubDateField(props: FieldProps & { seconds?: boolean }) {
  const record = useRecordContext(props);
  const value = props.source ? (record?.[props.source] as string | Date | null | undefined) : undefined;
  return (
    <span style={{ whiteSpace: 'nowrap' }} title="UTC+8">
      {formatChinaTime(value, { seconds: props.seconds })}
    </span>
  );
}
