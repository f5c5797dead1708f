import type { FetchType, HubOperation, ResourceOperations } from './hub-operation.ts';
import { apiClientOperations } from './operations/api-clients.ts';
import { assistanceStandardOperations } from './operations/assistance-standards.ts';
import { auditEntryOperations, auditRequestOperations } from './operations/audit-entries.ts';
import { comparisonRunOperations } from './operations/comparison-runs.ts';
import { consentOperations } from './operations/consents.ts';
import { dataItemOperations } from './operations/data-items.ts';
import { datasetSnapshotOperations } from './operations/dataset-snapshots.ts';
import { departmentConnectorOperations } from './operations/department-connectors.ts';
import { departmentOperations } from './operations/departments.ts';
import { discrepancyCaseOperations } from './operations/discrepancy-cases.ts';
import { householdAssessmentOperations } from './operations/household-assessments.ts';
import { householdOperations } from './operations/households.ts';
import { personOperations } from './operations/persons.ts';
import { regionOperations } from './operations/regions.ts';
import { sharingAgreementOperations } from './operations/sharing-agreements.ts';
import { userOperations } from './operations/users.ts';
import { verificationRequestOperations } from './operations/verification-requests.ts';
import type { RelayCursors } from './relay-cursors.ts';

/** Each resource (a GraphQL type name) and the operations of our schema that answer react-admin's verbs. */
export function hubResourceOperations(cursors: RelayCursors): Record<string, ResourceOperations> {
  return {
    Department: departmentOperations,
    ApiClient: apiClientOperations,
    SharingAgreement: sharingAgreementOperations(cursors),
    DataItem: dataItemOperations,
    Consent: consentOperations,
    Person: personOperations(cursors),
    Household: householdOperations(cursors),
    AssistanceStandard: assistanceStandardOperations,
    ComparisonRun: comparisonRunOperations,
    HouseholdAssessment: householdAssessmentOperations(cursors),
    AuditEntry: auditEntryOperations(cursors),
    AuditRequest: auditRequestOperations(cursors),
    DatasetSnapshot: datasetSnapshotOperations(cursors),
    Region: regionOperations,
    VerificationRequest: verificationRequestOperations,
    User: userOperations,
    DepartmentConnector: departmentConnectorOperations,
    DiscrepancyCase: discrepancyCaseOperations(cursors),
  };
}

const rootFieldOf = (operation: HubOperation) => {
  const definition = operation.query.definitions[0];
  const selection = definition?.kind === 'OperationDefinition' ? definition.selectionSet.selections[0] : undefined;
  return selection?.kind === 'Field' ? selection.name.value : undefined;
};

/**
 * ra-data-graphql's buildQuery for our schema, which follows its own conventions (Relay connections, `input:`
 * arguments, no deletes) rather than the `allX`/`_allXMeta` ones. A verb a resource does not offer is refused
 * here, before any request (the portal offers no delete because the hub has none), and so is an operation the
 * caller's introspection does not show: the role may not call it.
 */
export function buildHubQuery(cursors: RelayCursors) {
  const operations = hubResourceOperations(cursors);
  return (introspection?: { queries: { name: string }[] }) =>
    (fetchType: string, resource: string, params: unknown): HubOperation => {
      const build = operations[resource]?.[fetchType as FetchType];
      if (!build) throw new Error(`the hub offers no ${fetchType} for ${resource}`);
      const operation = build(params);
      const field = rootFieldOf(operation);
      if (introspection && field && !introspection.queries.some((query) => query.name === field)) {
        throw Object.assign(new Error('ra.page.access_denied'), { status: 403, field });
      }
      return operation;
    };
}
