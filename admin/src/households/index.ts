import HouseholdIcon from '@mui/icons-material/House';
import { HouseholdCreate } from './HouseholdCreate.tsx';
import { HouseholdList } from './HouseholdList.tsx';
import { HouseholdShow } from './HouseholdShow.tsx';

export default { list: HouseholdList, show: HouseholdShow, create: HouseholdCreate, icon: HouseholdIcon };
