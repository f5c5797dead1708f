import RegionIcon from '@mui/icons-material/Map';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import agreements from './agreements/index.ts';
import audit from './audit/index.ts';
import { authProvider } from './authProvider.ts';
import comparisons from './comparisons/index.ts';
import connectors from './connectors/index.ts';
import consents from './consents/index.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { dataProvider } from './dataProvider/index.ts';
import { DatasetUpload } from './deliveries/DatasetUpload.tsx';
import departments from './departments/index.ts';
import discrepancyCases from './discrepancy-cases/index.ts';
import households from './households/index.ts';
import { i18nProvider } from './i18n/i18nProvider.ts';
import { Layout } from './layout/Layout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import { theme } from './layout/theme.ts';
import { ChangeOwnPassword } from './password/ChangeOwnPassword.tsx';
import persons from './persons/index.ts';
import { RegionImport } from './regions/RegionImport.tsx';
import requests from './requests/index.ts';
import snapshots from './snapshots/index.ts';
import standards from './standards/index.ts';
import users from './users/index.ts';

export const App = () => (
  <Admin
    title="hub.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    disableTelemetry
  >
    <Resource name="SharingAgreement" {...agreements} recordRepresentation="code" />
    <Resource name="Department" {...departments} recordRepresentation="name" />
    <Resource name="User" {...users} recordRepresentation="username" />
    <Resource name="DepartmentConnector" {...connectors} />
    <Resource name="Consent" {...consents} />
    <Resource name="Person" {...persons} recordRepresentation="idNumber" />
    <Resource name="Household" {...households} recordRepresentation="address" />
    <Resource name="VerificationRequest" {...requests} recordRepresentation="reference" />
    <Resource
      name="ComparisonRun"
      {...comparisons}
      recordRepresentation={(run) => `${run.region?.name ?? ''} ${run.asOf}`}
    />
    <Resource name="DiscrepancyCase" {...discrepancyCases} />
    <Resource
      name="AssistanceStandard"
      {...standards}
      recordRepresentation={(s) => `${s.region?.name ?? ''} ${s.year}`}
    />
    <Resource name="AuditEntry" {...audit} />
    <Resource name="DatasetSnapshot" {...snapshots} />
    <Resource name="ApiClient" />
    <Resource name="HouseholdAssessment" />
    <Resource name="DataItem" recordRepresentation="nameZh" />
    <Resource name="Region" recordRepresentation="name" />
    {/* Pages of their own, named like resources so that menus and role checks treat them alike. */}
    <Resource name="DatasetUpload" list={DatasetUpload} icon={UploadIcon} />
    <Resource name="RegionImport" list={RegionImport} icon={RegionIcon} />
    <CustomRoutes>
      <Route path="/password" element={<ChangeOwnPassword />} />
    </CustomRoutes>
  </Admin>
);
