import { TextInput, type TextInputProps, useTranslate, type Validator } from 'react-admin';
import { chinaTimeFromText, formatChinaTime } from '../china-time.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * A date-time typed as 2026-12-05 14:03 in China Standard Time, kept as an ISO instant, whatever the browser's zone
 * and locale: a browser's own date-time input shows the browser's locale (mm/dd/yyyy, AM/PM in a Chinese UI); this
 * one shows the format in the UI language. What is not yet a time stays as typed, and is marked invalid.
 */
export function ChinaTimeInput({ validate, ...props }: TextInputProps) {
  const translate = useTranslate();
  const validators = [...(Array.isArray(validate) ? validate : validate ? [validate] : []), validTime];
  return (
    <TextInput
      {...props}
      validate={validators}
      format={(value: string | null | undefined) =>
        value && INSTANT.test(value) ? formatChinaTime(value, { seconds: false }) : (value ?? '')
      }
      parse={(text: string) => (text.trim() === '' ? null : (chinaTimeFromText(text) ?? text))}
      placeholder={translate('hub.date.time_placeholder')}
      helperText={props.helperText ?? false}
      inputProps={{ autoComplete: 'off', ...props.inputProps }}
    />
  );
}

const validTime: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || INSTANT.test(String(value))
    ? undefined
    : 'hub.date.invalid_time';
