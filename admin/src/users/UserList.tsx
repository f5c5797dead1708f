import { Chip, type Theme, useMediaQuery } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatChinaTime } from '../china-time.ts';
import { enumChoices, enumLabel } from '../enums.ts';
import { EnumField } from '../fields/EnumField.tsx';
import { UserActions, type UserRecord } from './UserActions.tsx';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('UserRole')} alwaysOn />,
  <ReferenceInput key="d" source="departmentId" reference="Department" alwaysOn>
    <SelectInput optionText="name" label="resources.User.fields.department" />
  </ReferenceInput>,
];

/** Whether the user may log in, or since when they may not. */
function UserState(_props: { label?: string }) {
  const user = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!user) return null;
  return user.disabledAt ? (
    <Chip
      size="small"
      color="default"
      label={translate('hub.users.state_disabled', { at: formatChinaTime(user.disabledAt) })}
    />
  ) : (
    <Chip size="small" color="success" label={translate('hub.users.state_active')} />
  );
}

/** On a phone: one line per user (name and role, department and state), the actions beneath. */
function PhoneUsers() {
  const translate = useTranslate();
  return (
    <SimpleList<UserRecord & { department: { name: string } }>
      linkType={false}
      primaryText={(user) => `${user.displayName}（${user.username}）`}
      secondaryText={(user) =>
        `${translate(enumLabel('UserRole', user.role))} · ${user.department.name}${
          user.disabledAt ? ` · ${translate('hub.users.state_disabled', { at: formatChinaTime(user.disabledAt) })}` : ''
        }`
      }
      tertiaryText={() => <UserActions />}
    />
  );
}

/** Every user of the hub: who they are, their department and role, whether they may log in; and what to change. */
export const UserList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List
      filters={filters}
      perPage={25}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      {phone ? (
        <PhoneUsers />
      ) : (
        <Datagrid rowClick={false} bulkActionButtons={false}>
          <TextField source="username" sortable={false} />
          <TextField source="displayName" sortable={false} />
          <TextField source="department.name" label="resources.User.fields.department" sortable={false} />
          <EnumField source="role" enum="UserRole" sortable={false} />
          <UserState label="resources.User.fields.disabledAt" />
          <UserActions label="" />
        </Datagrid>
      )}
    </List>
  );
};
