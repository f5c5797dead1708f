import { gql } from '@apollo/client';
import { USER } from '../dataProvider/operations/users.ts';

export const DISABLE_USER = gql`mutation DisableUser($id: ID!, $reason: String!) {
  disableUser(id: $id, reason: $reason) { ${USER} }
}`;

export const CHANGE_USER_ROLE = gql`mutation ChangeUserRole($id: ID!, $role: UserRole!, $reason: String!) {
  changeUserRole(id: $id, role: $role, reason: $reason) { ${USER} }
}`;

export const RESET_USER_PASSWORD = gql`mutation ResetUserPassword($userId: ID!, $newPassword: String!, $reason: String) {
  resetUserPassword(userId: $userId, newPassword: $newPassword, reason: $reason) { ${USER} }
}`;

export const CHANGE_OWN_PASSWORD = gql`mutation ChangeOwnPassword($currentPassword: String!, $newPassword: String!) {
  changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
