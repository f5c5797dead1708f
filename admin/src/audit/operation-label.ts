import type { TranslateFunction } from 'react-admin';
import { enumLabel } from '../enums.ts';

/**
 * What a request or entry did, for people: an administrative change by its type, an operation by its label in the
 * reader's language (hub.operation.<name>), and an operation the portal does not know (a partner system's) by its
 * raw name.
 */
export function operationLabel(translate: TranslateFunction, record: { [field: string]: unknown }): string {
  if (typeof record.event === 'string') return translate(enumLabel('AuditEventType', record.event));
  const operation = typeof record.operation === 'string' ? record.operation : '';
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(operation)
    ? translate(`hub.operation.${operation}`, { _: operation })
    : operation;
}
