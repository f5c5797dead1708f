import { Edit } from 'react-admin';
import { DepartmentForm } from './DepartmentForm.tsx';

export const DepartmentEdit = () => (
  <Edit
    redirect="show"
    mutationMode="pessimistic"
    transform={(data) => data}
    queryOptions={{ select: (department) => ({ ...department, regionCode: department.region?.code }) }}
  >
    <DepartmentForm />
  </Edit>
);
