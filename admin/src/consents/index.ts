import ConsentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ConsentCreate } from './ConsentCreate.tsx';
import { ConsentList } from './ConsentList.tsx';

export default { list: ConsentList, create: ConsentCreate, icon: ConsentIcon };
