import ComparisonIcon from '@mui/icons-material/CompareArrows';
import { ComparisonRunCreate } from './ComparisonRunCreate.tsx';
import { ComparisonRunList } from './ComparisonRunList.tsx';
import { ComparisonRunShow } from './ComparisonRunShow.tsx';

export default { list: ComparisonRunList, create: ComparisonRunCreate, show: ComparisonRunShow, icon: ComparisonIcon };
