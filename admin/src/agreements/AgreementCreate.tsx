import { Create } from 'react-admin';
import { AgreementForm } from './AgreementForm.tsx';

export const AgreementCreate = () => (
  <Create redirect="show">
    <AgreementForm />
  </Create>
);
