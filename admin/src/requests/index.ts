import RequestIcon from '@mui/icons-material/FactCheck';
import { RequestCreate } from './RequestCreate.tsx';
import { RequestList } from './RequestList.tsx';
import { RequestShow } from './RequestShow.tsx';

export default { list: RequestList, create: RequestCreate, show: RequestShow, icon: RequestIcon };
