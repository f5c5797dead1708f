import AuditIcon from '@mui/icons-material/Policy';
import { AuditRequestList } from './AuditRequestList.tsx';

export default { list: AuditRequestList, icon: AuditIcon };
