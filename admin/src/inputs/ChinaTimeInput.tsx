import { DateTimeInput, type DateTimeInputProps } from 'react-admin';
import { fromChinaWallClock, toChinaWallClock } from '../china-time.ts';

/** A date-time entered and shown in China Standard Time, kept as an ISO instant, whatever the browser's zone. */
export function ChinaTimeInput(props: DateTimeInputProps) {
  return <DateTimeInput {...props} format={toChinaWallClock} parse={(text: string) => fromChinaWallClock(text)} />;
}
