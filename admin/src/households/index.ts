import HouseholdIcon from '@mui/icons-material/House';
import { HouseholdList } from './HouseholdList.tsx';
import { HouseholdShow } from './HouseholdShow.tsx';

export default { list: HouseholdList, show: HouseholdShow, icon: HouseholdIcon };
