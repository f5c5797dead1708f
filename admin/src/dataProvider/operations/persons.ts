import { gql } from '@apollo/client';
import { deniedFieldsOf, type ResourceOperations } from '../hub-operation.ts';
import { relayList, single } from '../list-operations.ts';
import { idNumberOf, rememberIdNumber } from '../person-id-numbers.ts';
import type { RelayCursors } from '../relay-cursors.ts';

const PROVENANCE = 'provenance { dataset asOf snapshotId department { id name } }';

// Every branch a person can carry, each with its provenance. The hub answers null with a FORBIDDEN error for each
// one the caller's agreements do not cover; the verification view shows those errors beside the branch.
export const PERSON_VERIFICATION = `id idNumber name sex birthDate relation
  household { id address areaType region { code name } members { name relation } }
  hukou { id hukouNumber registeredRegionCode status cancelledOn cancellationReason asOf ${PROVENANCE} }
  vehicles { id plateNumber brand vehicleType estimatedValueFen registeredOn asOf ${PROVENANCE} }
  properties { id certificateNumber address areaM2 use isPublicRental acquiredOn asOf ${PROVENANCE} }
  employment { id employerName monthlyWageFen startedOn endedOn asOf ${PROVENANCE} }
  pensions { id pensionType monthlyAmountFen startedOn stoppedOn asOf ${PROVENANCE} }
  unemploymentBenefits { id monthlyAmountFen startedOn endsOn asOf ${PROVENANCE} }
  housingFund { id accountNumber employerName status monthlyContributionFen balanceFen asOf ${PROVENANCE} }
  bankAccounts { id accountNumber depositType balanceFen openedOn asOf ${PROVENANCE} }
  wealthProducts { id productName productType marketValueFen asOf ${PROVENANCE} }
  businesses { id enterpriseName creditCode role status registeredCapitalFen monthlyIncomeFen asOf ${PROVENANCE} }
  disabilities { id certificateNumber category grade issuedOn asOf ${PROVENANCE} }
  marriages { id event spouseName spouseIdNumber registeredOn asOf ${PROVENANCE} }
  death { diedOn cremations { id funeralHome diedOn crematedOn asOf ${PROVENANCE} } }`;

export const personOperations = (cursors: RelayCursors): ResourceOperations => ({
  // The record's id is the person's internal id, so that no address holds an identity number; the number found by a
  // search is kept in memory for `person(idNumber:)`, which is how the hub looks a person up.
  GET_LIST: relayList({
    resource: 'Person',
    field: 'persons',
    cursors,
    document: gql`query Persons($name: String, $idNumber: String, $regionCode: String, $first: Int, $after: String) {
      persons(name: $name, idNumber: $idNumber, regionCode: $regionCode, first: $first, after: $after) {
        pageInfo { endCursor hasNextPage }
        edges { node { id idNumber name sex birthDate relation household { id address region { name } } } }
      }
    }`,
    variables: (filter) => ({
      name: filter.name,
      idNumber: typeof filter.idNumber === 'string' ? filter.idNumber.trim().toUpperCase() : undefined,
      regionCode: filter.regionCode,
    }),
    toRecord: (person) => {
      rememberIdNumber(person.id, person.idNumber);
      return { ...person, personId: person.id };
    },
  }),
  GET_ONE: single({
    field: 'person',
    document: gql`query PersonVerification($idNumber: String!) { person(idNumber: $idNumber) { ${PERSON_VERIFICATION} } }`,
    variables: ({ id }) => {
      const idNumber = idNumberOf(String(id));
      // Found before a reload, or an old address: search again (react-admin shows this and returns to the list).
      if (!idNumber) throw Object.assign(new Error('hub.persons.search_again'), { status: 404 });
      return { idNumber };
    },
    toRecord: (person, answer) => ({
      ...person,
      personId: person.id,
      deniedFields: deniedFieldsOf(answer.errors as never),
    }),
  }),
});
