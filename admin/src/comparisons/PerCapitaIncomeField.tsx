import { type FieldProps, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatExactPerCapita } from '../money.ts';

/**
 * A result's per-capita income as the comparison used it: exact, with the fraction of a fen that rounding would
 * hide, so a household a third of a fen above the standard never shows the standard itself beside 低收入.
 */
export function PerCapitaIncomeField(props: FieldProps) {
  const record = useRecordContext(props);
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <span data-testid="per-capita-income">
      {formatExactPerCapita(
        record?.monthlyIncomeFen,
        record?.rigidExpenditureFen,
        record?.countedMembers,
        locale,
        translate('hub.runs.fen'),
      )}
    </span>
  );
}
