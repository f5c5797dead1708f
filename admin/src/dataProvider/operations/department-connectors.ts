import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList } from '../list-operations.ts';

// Every setting but the credential, which the hub never reads back in any form.
const CONNECTOR = `id department { id name } datasets baseUrl batchSize concurrency timeoutMs retries backoffMs
  maxBackoffMs circuitErrorPercentage circuitMinimumBatches circuitResetMs enabled updatedAt
  health { circuit lastSuccessAt lastFailureAt lastFailureReason }`;

export const departmentConnectorOperations: ResourceOperations = {
  GET_LIST: arrayList({
    field: 'departmentConnectors',
    document: gql`query DepartmentConnectors { departmentConnectors { ${CONNECTOR} } }`,
  }),
};
