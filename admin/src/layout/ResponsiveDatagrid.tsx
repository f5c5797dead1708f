import { Datagrid, type DatagridProps } from 'react-admin';
import { RecordCards } from './RecordCards.tsx';
import { useSmallScreen } from './use-small-screen.ts';

/** A table on a wide screen; on a phone the same columns as one card per row, so the page never scrolls sideways. */
export function ResponsiveDatagrid(props: DatagridProps) {
  return useSmallScreen() ? <RecordCards {...props} /> : <Datagrid {...props} />;
}
