import DepartmentIcon from '@mui/icons-material/AccountBalance';
import { DepartmentCreate } from './DepartmentCreate.tsx';
import { DepartmentEdit } from './DepartmentEdit.tsx';
import { DepartmentList } from './DepartmentList.tsx';
import { DepartmentShow } from './DepartmentShow.tsx';

export default {
  list: DepartmentList,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  show: DepartmentShow,
  icon: DepartmentIcon,
};
