import SnapshotIcon from '@mui/icons-material/CloudUpload';
import { SnapshotList } from './SnapshotList.tsx';

export default { list: SnapshotList, icon: SnapshotIcon };
