import AuditIcon from '@mui/icons-material/Policy';
import { AuditEntryList } from './AuditEntryList.tsx';

export default { list: AuditEntryList, icon: AuditIcon };
