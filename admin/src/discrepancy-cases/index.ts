import CaseIcon from '@mui/icons-material/AssignmentLate';
import { CaseList } from './CaseList.tsx';
import { CaseShow } from './CaseShow.tsx';

export default { list: CaseList, show: CaseShow, icon: CaseIcon };
