import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { type EnumName, enumLabel } from '../enums.ts';

type Tone = 'default' | 'success' | 'warning' | 'error' | 'info';

/** An enum value shown in the reader's language, as a chip when it has a tone (a status, a decision). */
export function EnumField(props: FieldProps & { enum: EnumName; tones?: Record<string, Tone>; chip?: boolean }) {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const value = props.source ? (record?.[props.source] as string | string[] | null | undefined) : undefined;
  if (value === null || value === undefined) return <span>—</span>;
  const values = Array.isArray(value) ? value : [value];
  if (!props.chip && !props.tones)
    return <span>{values.map((v) => translate(enumLabel(props.enum, v))).join('、')}</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {values.map((v) => (
        <Chip key={v} size="small" color={props.tones?.[v] ?? 'default'} label={translate(enumLabel(props.enum, v))} />
      ))}
    </span>
  );
}
