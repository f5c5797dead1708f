import { type Theme, useMediaQuery } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { enumChoices, enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { FenField } from '../fields/FenField.tsx';
import { formatFen } from '../money.ts';
import { RegionInput } from './RegionInput.tsx';

const filters = [
  <RegionInput key="r" source="regionCode" alwaysOn />,
  <NumberInput key="y" source="year" alwaysOn />,
  <SelectInput key="a" source="areaType" choices={enumChoices('AreaType')} alwaysOn />,
];

/** On a phone, one line per standard (region and year, urban or rural, the 低保 line) instead of an eight-column table. */
function PhoneStandards({ editable }: { editable: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <SimpleList
      rowClick={editable ? 'edit' : false}
      primaryText={(standard) => `${standard.region?.name ?? ''} ${standard.year}`}
      secondaryText={(standard) =>
        `${translate(enumLabel('AreaType', standard.areaType))} · ${formatFen(standard.minimumLivingMonthlyFen, locale)}`
      }
    />
  );
}

export const StandardList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  // A standard has no page of its own, only its form: a row opens nothing for whoever may read standards but not
  // change them (a verification officer), rather than a page that refuses them.
  const { canAccess: editable = false } = useCanAccess({ resource: 'AssistanceStandard', action: 'edit' });
  return (
    <List
      filters={filters}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      {phone ? (
        <PhoneStandards editable={editable} />
      ) : (
        <Datagrid rowClick={editable ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="region.name" label="resources.AssistanceStandard.fields.regionCode" sortable={false} />
          <NumberField source="year" options={{ useGrouping: false }} sortable={false} />
          <EnumField source="areaType" enum="AreaType" sortable={false} />
          <FenField source="minimumLivingMonthlyFen" sortable={false} />
          <TextField source="lowIncomeMultiplier" sortable={false} />
          <NumberField source="financialAssetMonths" sortable={false} />
          <FenField source="exemptVehicleMaxValueFen" sortable={false} />
          <NumberField source="gracePeriodMonths" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};
