import {
  BooleanField,
  CreateButton,
  Datagrid,
  List,
  NumberField,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../fields/EnumField.tsx';
import { useSmallScreen } from '../layout/use-small-screen.ts';
import { PurposeSelect } from '../persons/PurposeSelect.tsx';
import { RegionInput } from '../standards/RegionInput.tsx';
import { HeadNameField, householdHeadName } from './HeadNameField.tsx';

// The region is picked by name (e.g. 兴庆区); the hub lists that region's households and those below it.
const filters = [
  <RegionInput key="regionCode" source="regionCode" alwaysOn label="resources.Household.fields.region" />,
];

/** On a phone, one entry per household: the head's name, its region and address, and how many live in it. */
function PhoneHouseholds() {
  const translate = useTranslate();
  return (
    <SimpleList
      rowClick="show"
      primaryText={(household) => householdHeadName(household)}
      secondaryText={(household) => `${household.region?.name ?? ''} · ${household.address ?? '—'}`}
      tertiaryText={(household) =>
        translate('hub.households.member_count', { smart_count: household.memberCount ?? 0 })
      }
    />
  );
}

export const HouseholdList = () => (
  <List
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
        <PurposeSelect />
      </TopToolbar>
    }
  >
    {useSmallScreen() ? (
      <PhoneHouseholds />
    ) : (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <HeadNameField label="resources.Household.fields.head" />
        <TextField source="address" sortable={false} emptyText="—" />
        <TextField source="region.name" label="resources.Household.fields.region" sortable={false} />
        <EnumField source="areaType" enum="AreaType" sortable={false} />
        <NumberField source="memberCount" sortable={false} />
        <BooleanField source="receivesMinimumLivingGuarantee" sortable={false} />
      </Datagrid>
    )}
  </List>
);
