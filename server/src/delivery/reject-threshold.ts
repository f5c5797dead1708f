import { DatasetDeliveryError } from './dataset-delivery-error.ts';

/** How many rejected rows a delivery may have and still become current. */
export type RejectThreshold = { kind: 'FRACTION'; fraction: number } | { kind: 'COUNT'; count: number };

export const DEFAULT_REJECT_THRESHOLD: RejectThreshold = { kind: 'FRACTION', fraction: 0.01 };

/** "0.02" or "2%" is a fraction of the rows; a whole number of 1 or more ("25") is a count; "0" tolerates none. */
export function parseRejectThreshold(text: string | undefined): RejectThreshold {
  if (text === undefined || text.trim() === '') return DEFAULT_REJECT_THRESHOLD;
  const value = text.trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  if (percent && Number(percent[1]) <= 100) return { kind: 'FRACTION', fraction: Number(percent[1]) / 100 };
  if (/^0(\.\d+)?$/.test(value)) return { kind: 'FRACTION', fraction: Number(value) };
  if (/^[1-9]\d{0,9}$/.test(value)) return { kind: 'COUNT', count: Number(value) };
  throw new DatasetDeliveryError(
    'INVALID_REJECT_THRESHOLD',
    `rejectThreshold "${value}" is neither a fraction (0.01, 1%) nor a whole number of rows (25)`,
  );
}

/** Whether a delivery with these counts passes the threshold: rejects above it refuse the whole snapshot. */
export function isWithinRejectThreshold(threshold: RejectThreshold, rejects: number, rows: number): boolean {
  return threshold.kind === 'COUNT' ? rejects <= threshold.count : rejects <= threshold.fraction * rows;
}

export function describeRejectThreshold(threshold: RejectThreshold): string {
  return threshold.kind === 'COUNT'
    ? `${threshold.count.toLocaleString('en')} rows`
    : `${+(threshold.fraction * 100).toFixed(4)} % of the rows`;
}
