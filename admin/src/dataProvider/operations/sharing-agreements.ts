import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { relayList, single } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

export const SHARING_AGREEMENT = `id code title status effectiveStatus statusReason purposes validFrom validUntil dailyQueryQuota version
  createdAt updatedAt submittedAt approvedAt
  provider { id name kind } consumer { id name kind }
  author { id username displayName } approver { id username displayName }
  items { dataItemCode accessLevel dataItem { code nameZh nameEn dataset } }`;

// biome-ignore lint/suspicious/noExplicitAny: a react-admin form's values
const agreementInput = (data: any) => ({
  code: data.code,
  title: data.title,
  providerDepartmentId: data.providerDepartmentId ?? data.provider?.id,
  consumerDepartmentId: data.consumerDepartmentId ?? data.consumer?.id,
  purposes: data.purposes ?? [],
  validFrom: data.validFrom,
  validUntil: data.validUntil,
  dailyQueryQuota: data.dailyQueryQuota === '' || data.dailyQueryQuota === undefined ? null : data.dailyQueryQuota,
  items: (data.items ?? []).map((item: { dataItemCode: string; accessLevel: string }) => ({
    dataItemCode: item.dataItemCode,
    accessLevel: item.accessLevel,
  })),
});

export const sharingAgreementOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'SharingAgreement',
    field: 'sharingAgreements',
    cursors,
    document: gql`query SharingAgreements($first: Int, $after: String, $filter: SharingAgreementFilter) {
      sharingAgreements(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${SHARING_AGREEMENT} } }
      }
    }`,
    variables: (filter) => ({
      filter: {
        providerDepartmentId: filter.providerDepartmentId || undefined,
        consumerDepartmentId: filter.consumerDepartmentId || undefined,
        status: filter.status || undefined,
        purpose: filter.purpose || undefined,
      },
    }),
  }),
  GET_ONE: single({
    field: 'sharingAgreement',
    document: gql`query SharingAgreement($id: ID!) { sharingAgreement(id: $id) { ${SHARING_AGREEMENT} } }`,
    variables: ({ id }) => ({ id }),
  }),
  CREATE: single({
    field: 'createSharingAgreement',
    document: gql`mutation CreateSharingAgreement($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { ${SHARING_AGREEMENT} } }`,
    variables: ({ data }) => ({ input: agreementInput(data) }),
  }),
  // The hub refuses the change with CONFLICT when someone else changed it since the version this form read.
  UPDATE: single({
    field: 'updateSharingAgreement',
    document: gql`mutation UpdateSharingAgreement($id: ID!, $expectedVersion: Int!, $input: UpdateSharingAgreementInput!) {
      updateSharingAgreement(id: $id, expectedVersion: $expectedVersion, input: $input) { ${SHARING_AGREEMENT} }
    }`,
    variables: ({ id, data, previousData }) => ({
      id,
      expectedVersion: previousData?.version ?? data.version,
      input: agreementInput(data),
    }),
  }),
});
