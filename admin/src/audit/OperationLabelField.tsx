import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { operationLabel } from './operation-label.ts';

/** A request's or entry's operation in the reader's language, the raw name beside it on hover. */
export function OperationLabelField(props: FieldProps) {
  const record = useRecordContext(props);
  const translate = useTranslate();
  if (!record) return null;
  return <span title={record.operation}>{operationLabel(translate, record)}</span>;
}
