import { serviceDay } from '@hub/schema/calendar/service-day';
import { DatasetDeliveryError } from './dataset-delivery-error.ts';

/** The day a delivery describes: a real YYYY-MM-DD date, not after today (Asia/Shanghai). */
export function parseAsOf(text: string | undefined, now = new Date()): string {
  const value = text?.trim() ?? '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new DatasetDeliveryError('INVALID_AS_OF', 'asOf is required: the date the file describes, as YYYY-MM-DD');
  }
  if (day > serviceDay(now)) {
    throw new DatasetDeliveryError('INVALID_AS_OF', `asOf ${value} is in the future; a snapshot describes a past day`);
  }
  return value;
}
