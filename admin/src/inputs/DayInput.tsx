import { TextInput, type TextInputProps, useTranslate, type Validator } from 'react-admin';
import { calendarDay } from './calendar-day.ts';

/**
 * A calendar date typed as 2026-12-05, with the format shown in the UI language. A browser's own date input shows
 * the browser's locale (年/月/日 in an English UI, mm/dd/yyyy in a Chinese one); this one follows the portal's.
 * 2026/12/5 and 2026年12月5日 are taken too, and kept as 2026-12-05.
 */
export function DayInput({ validate, ...props }: TextInputProps) {
  const translate = useTranslate();
  const validators = [...(Array.isArray(validate) ? validate : validate ? [validate] : []), validDay];
  return (
    <TextInput
      {...props}
      validate={validators}
      parse={(text: string) => calendarDay(text) ?? text}
      placeholder={translate('hub.date.placeholder')}
      helperText={props.helperText ?? 'hub.date.helper'}
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', ...props.inputProps }}
    />
  );
}

const validDay: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || calendarDay(String(value)) ? undefined : 'hub.date.invalid';
