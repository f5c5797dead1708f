import HouseholdIcon from '@mui/icons-material/House';
import { HouseholdCreate } from './HouseholdCreate.tsx';
import { HouseholdEdit } from './HouseholdEdit.tsx';
import { HouseholdList } from './HouseholdList.tsx';
import { HouseholdShow } from './HouseholdShow.tsx';

export default {
  list: HouseholdList,
  show: HouseholdShow,
  create: HouseholdCreate,
  edit: HouseholdEdit,
  icon: HouseholdIcon,
};
