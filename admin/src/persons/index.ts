import PersonIcon from '@mui/icons-material/PersonSearch';
import { PersonList } from './PersonList.tsx';
import { PersonShow } from './PersonShow.tsx';

export default { list: PersonList, show: PersonShow, icon: PersonIcon };
