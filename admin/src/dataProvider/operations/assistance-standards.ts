import { gql } from '@apollo/client';
import { yuanToFen } from '../../money.ts';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, single } from '../list-operations.ts';

const STANDARD = `id region { code name } year areaType minimumLivingMonthlyFen lowIncomeMultiplier
  financialAssetMonths exemptVehicleMaxValueFen gracePeriodMonths`;

/** The form's amount in yuan as fen; the form has checked it, so a malformed one is a bug, not input. */
function fenOfYuan(yuan: unknown): bigint {
  const fen = yuanToFen(yuan as string);
  if (fen === null) throw new Error('hub.money.invalid_yuan');
  return fen;
}

const numberOrNull = (value: unknown) => (value === '' || value === undefined || value === null ? null : Number(value));

// biome-ignore lint/suspicious/noExplicitAny: a react-admin form's values
const standardInput = (data: any) => ({
  regionCode: data.regionCode ?? data.region?.code,
  year: Number(data.year),
  areaType: data.areaType,
  minimumLivingMonthlyFen: Number(fenOfYuan(data.minimumLivingMonthlyYuan)),
  lowIncomeMultiplier: data.lowIncomeMultiplier === undefined ? undefined : String(data.lowIncomeMultiplier),
  financialAssetMonths: numberOrNull(data.financialAssetMonths),
  exemptVehicleMaxValueFen:
    data.exemptVehicleMaxValueYuan === '' || data.exemptVehicleMaxValueYuan == null
      ? null
      : String(fenOfYuan(data.exemptVehicleMaxValueYuan)),
  gracePeriodMonths: numberOrNull(data.gracePeriodMonths),
});

const SET = gql`mutation SetAssistanceStandard($input: SetAssistanceStandardInput!) { setAssistanceStandard(input: $input) { ${STANDARD} } }`;

export const assistanceStandardOperations: ResourceOperations = {
  GET_LIST: arrayList({
    field: 'assistanceStandards',
    document: gql`query AssistanceStandards($regionCode: String, $year: Int) { assistanceStandards(regionCode: $regionCode, year: $year) { ${STANDARD} } }`,
    variables: (filter) => ({ regionCode: filter.regionCode, year: filter.year ? Number(filter.year) : undefined }),
    keep: (standard, filter) => !filter.areaType || standard.areaType === filter.areaType,
  }),
  GET_ONE: single({
    field: 'assistanceStandard',
    document: gql`query AssistanceStandard($id: ID!) { assistanceStandard(id: $id) { ${STANDARD} } }`,
    variables: ({ id }) => ({ id }),
  }),
  // One upsert on region + year + area type serves both forms.
  CREATE: single({
    field: 'setAssistanceStandard',
    document: SET,
    variables: ({ data }) => ({ input: standardInput(data) }),
  }),
  UPDATE: single({
    field: 'setAssistanceStandard',
    document: SET,
    variables: ({ data }) => ({ input: standardInput(data) }),
  }),
};
