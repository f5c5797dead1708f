import { Alert } from '@mui/material';
import { Edit, useRecordContext, useTranslate } from 'react-admin';
import { AgreementForm } from './AgreementForm.tsx';

// Only a draft's terms can change; the hub refuses the rest, and checks the version this form read.
function DraftOnly() {
  const agreement = useRecordContext();
  const translate = useTranslate();
  if (!agreement) return null;
  if (agreement.status !== 'DRAFT') return <Alert severity="info">{translate('hub.agreements.only_drafts')}</Alert>;
  return <AgreementForm />;
}

export const AgreementEdit = () => (
  <Edit
    redirect="show"
    mutationMode="pessimistic"
    queryOptions={{
      select: (agreement) => ({
        ...agreement,
        providerDepartmentId: agreement.provider?.id,
        consumerDepartmentId: agreement.consumer?.id,
        items: agreement.items.map((item: { dataItemCode: string; accessLevel: string }) => ({
          dataItemCode: item.dataItemCode,
          accessLevel: item.accessLevel,
        })),
      }),
    }}
  >
    <DraftOnly />
  </Edit>
);
