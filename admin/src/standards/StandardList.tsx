import {
  CreateButton,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { FenField } from '../fields/FenField.tsx';
import { RegionInput } from './RegionInput.tsx';

const filters = [
  <RegionInput key="r" source="regionCode" alwaysOn />,
  <NumberInput key="y" source="year" alwaysOn />,
  <SelectInput key="a" source="areaType" choices={enumChoices('AreaType')} alwaysOn />,
];

export const StandardList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="region.name" label="resources.AssistanceStandard.fields.regionCode" sortable={false} />
      <NumberField source="year" options={{ useGrouping: false }} sortable={false} />
      <EnumField source="areaType" enum="AreaType" sortable={false} />
      <FenField source="minimumLivingMonthlyFen" sortable={false} />
      <TextField source="lowIncomeMultiplier" sortable={false} />
      <NumberField source="financialAssetMonths" sortable={false} />
      <FenField source="exemptVehicleMaxValueFen" sortable={false} />
      <NumberField source="gracePeriodMonths" sortable={false} />
    </Datagrid>
  </List>
);
