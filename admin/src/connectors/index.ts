import ConnectorIcon from '@mui/icons-material/SettingsInputAntenna';
import { ConnectorList } from './ConnectorList.tsx';

export default { list: ConnectorList, icon: ConnectorIcon };
