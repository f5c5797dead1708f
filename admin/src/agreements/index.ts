import AgreementIcon from '@mui/icons-material/Handshake';
import { AgreementCreate } from './AgreementCreate.tsx';
import { AgreementEdit } from './AgreementEdit.tsx';
import { AgreementList } from './AgreementList.tsx';
import { AgreementShow } from './AgreementShow.tsx';

export default {
  list: AgreementList,
  edit: AgreementEdit,
  create: AgreementCreate,
  show: AgreementShow,
  icon: AgreementIcon,
};
