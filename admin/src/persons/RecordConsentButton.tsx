import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Button } from '@mui/material';
import { useCanAccess, useNavigate, useRecordContext, useTranslate } from 'react-admin';
import { idNumberOf } from '../dataProvider/person-id-numbers.ts';

/**
 * 登记授权 for the person on screen: the consent form opens with their identity number filled in. The number travels
 * in the router's state, never in the address; a masked number cannot be filled, so the button is not offered.
 */
export function RecordConsentButton() {
  const person = useRecordContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'Consent', action: 'create' });
  const idNumber = person ? (idNumberOf(String(person.id)) ?? String(person.idNumber ?? '')) : '';
  if (!canAccess || !/^\d{17}[\dX]$/i.test(idNumber)) return null;
  return (
    <Button
      size="small"
      startIcon={<AssignmentIcon />}
      onClick={() => navigate('/Consent/create', { state: { personIdNumber: idNumber } })}
    >
      {translate('hub.consents.record_for_person')}
    </Button>
  );
}
