import { Create } from 'react-admin';
import { DepartmentForm } from './DepartmentForm.tsx';

export const DepartmentCreate = () => (
  <Create redirect="show">
    <DepartmentForm creating />
  </Create>
);
