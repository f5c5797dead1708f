import type { TranslateFunction } from 'react-admin';
import { enumLabel } from '../enums.ts';

// The hub's wording (server/src/connectors/fetch-live-answers.ts, create-connector-registry.ts).
const BATCHES_FAILED = /^([A-Z_]+): ([A-Z_, ]+) for (\d+) of (\d+) persons$/;
const CREDENTIAL_UNREADABLE = /^CREDENTIAL_UNREADABLE\b/;

/** A connector's last failure as the hub recorded it, said in the reader's language: its codes, never shown raw. */
export function connectorFailure(translate: TranslateFunction, reason: string): string {
  if (CREDENTIAL_UNREADABLE.test(reason)) return translate('hub.connectors.failures.CREDENTIAL_UNREADABLE');
  const batches = BATCHES_FAILED.exec(reason);
  if (!batches) return translate('hub.connectors.failures.OTHER');
  const [, dataset = '', codes = '', unanswered, asked] = batches;
  const failures = codes
    .split(', ')
    .map((code) => translate(`hub.connectors.failures.${code}`, { _: translate('hub.connectors.failures.OTHER') }))
    .join('、');
  return translate('hub.connectors.batches_failed', {
    dataset: translate(enumLabel('Dataset', dataset)),
    failures,
    unanswered,
    asked,
  });
}
