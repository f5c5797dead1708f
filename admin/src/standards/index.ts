import StandardIcon from '@mui/icons-material/Rule';
import { StandardCreate, StandardEdit } from './StandardEdit.tsx';
import { StandardList } from './StandardList.tsx';

export default { list: StandardList, edit: StandardEdit, create: StandardCreate, icon: StandardIcon };
