import type { AccessLevel, DepartmentKind } from '@hub/prisma';
import { DATA_ITEMS, findDataItem } from '@hub/schema/catalogue';
import type { GraphqlAnswer } from '../factories/http-app.ts';

// One query that touches every data item of the graph, and what each of its paths should show a caller, worked
// out from the catalogue and the rules of the permission engine, independently of the engine's code.

export const PROBE_QUERY = `query ($idNumber: String!) {
  person(idNumber: $idNumber) {
    name birthDate relation
    hukou { hukouNumber }
    vehicles { plateNumber } ownsVehicle
    properties { certificateNumber } ownsRealEstate
    employment { monthlyWageFen } isEmployed
    pensions { monthlyAmountFen } receivesPension
    unemploymentBenefits { monthlyAmountFen } receivesUnemploymentBenefit
    housingFund { accountNumber } paysIntoHousingFund
    bankAccounts { accountNumber } holdsBankDeposits
    wealthProducts { marketValueFen }
    businesses { enterpriseName } runsBusiness
    marriages { spouseName }
    disabilities { certificateNumber } hasDisabilityCertificate
    death { diedOn cremations { funeralHome } }
    household {
      address memberCount members { id }
      assistanceCases { monthlyAmountFen } receivesMinimumLivingGuarantee
      applications { status }
    }
  }
}`;

interface Probe {
  /** A list of records and the field of its first record to compare (masked when it identifies). */
  list?: { path: string; field: string; identifies?: true };
  fact?: string;
  identifier?: string;
  fullOnly?: string;
  value?: string;
}

export const PROBES: Record<string, Probe> = {
  PERSON_IDENTITY: { identifier: 'person.name', fullOnly: 'person.birthDate' },
  HOUSEHOLD_COMPOSITION: {
    list: { path: 'person.household.members', field: 'id' },
    fact: 'person.household.memberCount',
    identifier: 'person.household.address',
    value: 'person.relation',
  },
  ASSISTANCE_STATUS: {
    list: { path: 'person.household.assistanceCases', field: 'monthlyAmountFen' },
    fact: 'person.household.receivesMinimumLivingGuarantee',
  },
  ASSISTANCE_APPLICATIONS: { list: { path: 'person.household.applications', field: 'status' } },
  CREMATION: { list: { path: 'person.death.cremations', field: 'funeralHome' } },
  MARRIAGE: { list: { path: 'person.marriages', field: 'spouseName', identifies: true } },
  HUKOU: { list: { path: 'person.hukou', field: 'hukouNumber', identifies: true } },
  VEHICLES: { list: { path: 'person.vehicles', field: 'plateNumber', identifies: true }, fact: 'person.ownsVehicle' },
  REAL_ESTATE: {
    list: { path: 'person.properties', field: 'certificateNumber', identifies: true },
    fact: 'person.ownsRealEstate',
  },
  EMPLOYMENT_WAGES: { list: { path: 'person.employment', field: 'monthlyWageFen' }, fact: 'person.isEmployed' },
  PENSIONS: { list: { path: 'person.pensions', field: 'monthlyAmountFen' }, fact: 'person.receivesPension' },
  UNEMPLOYMENT_BENEFITS: {
    list: { path: 'person.unemploymentBenefits', field: 'monthlyAmountFen' },
    fact: 'person.receivesUnemploymentBenefit',
  },
  HOUSING_FUND: {
    list: { path: 'person.housingFund', field: 'accountNumber', identifies: true },
    fact: 'person.paysIntoHousingFund',
  },
  BANK_DEPOSITS: {
    list: { path: 'person.bankAccounts', field: 'accountNumber', identifies: true },
    fact: 'person.holdsBankDeposits',
  },
  WEALTH_PRODUCTS: { list: { path: 'person.wealthProducts', field: 'marketValueFen' } },
  BUSINESS_REGISTRATIONS: { list: { path: 'person.businesses', field: 'enterpriseName' }, fact: 'person.runsBusiness' },
  DISABILITY: {
    list: { path: 'person.disabilities', field: 'certificateNumber', identifies: true },
    fact: 'person.hasDisabilityCertificate',
  },
};

/** The catalogue's items that no field of the graph discloses yet (the comparison engine reads them directly). */
export const ITEMS_WITHOUT_FIELDS = ['STAFF_RELATIVES'];

export type Level = AccessLevel | 'NONE';
type Effective = { level: AccessLevel } | { reason: string };

/** What the caller may see of an item, by the rules: own spine, then agreement, then consent. */
export function effectiveAccess(consumer: DepartmentKind, itemCode: string, level: Level, consent: boolean): Effective {
  const item = findDataItem(itemCode);
  if (!item) throw new Error(`unknown item ${itemCode}`);
  if (item.dataset === null && consumer === item.providerKind) return { level: 'FULL' };
  if (level === 'NONE') return { reason: 'NO_AGREEMENT' };
  if (item.consentRequired && !consent) return { reason: 'CONSENT_REQUIRED' };
  return { level };
}

/** path → DENIED:<reason> | SHOWN | MASKED | EMPTY | NULL | ABSENT | VALUE:<v>: what the answer should show. */
export function expectedObservations(
  consumer: DepartmentKind,
  levelOf: (itemCode: string) => Level,
  consent: boolean,
): Record<string, string> {
  const expected: Record<string, string> = {};
  const access = (code: string) => effectiveAccess(consumer, code, levelOf(code), consent);
  const ownKind = (code: string) =>
    findDataItem(code)?.dataset !== null && findDataItem(code)?.providerKind === consumer;
  const denied = (e: Effective, needed: readonly AccessLevel[]) =>
    'reason' in e ? `DENIED:${e.reason}` : needed.includes(e.level) ? null : 'DENIED:INSUFFICIENT_ACCESS_LEVEL';
  // At MASKED a record's identifying fields are masked and its values shown.
  const recordRule = (code: string) => {
    const e = access(code);
    const masked = 'level' in e && e.level === 'MASKED' && PROBES[code]?.list?.identifies ? 'MASKED' : 'SHOWN';
    if (ownKind(code)) return 'level' in e && e.level !== 'DERIVED' ? masked : 'EMPTY';
    return denied(e, ['FULL', 'MASKED']) ?? masked;
  };
  for (const [code, probe] of Object.entries(PROBES)) {
    const e = access(code);
    if (probe.list && code !== 'CREMATION') expected[probe.list.path] = recordRule(code);
    if (probe.fact) {
      expected[probe.fact] = ownKind(code)
        ? 'level' in e
          ? 'SHOWN'
          : 'VALUE:false'
        : (denied(e, ['FULL', 'MASKED', 'DERIVED']) ?? 'SHOWN');
    }
    if (probe.identifier) {
      expected[probe.identifier] =
        denied(e, ['FULL', 'MASKED']) ?? ('level' in e && e.level === 'MASKED' ? 'MASKED' : 'SHOWN');
    }
    if (probe.value) expected[probe.value] = denied(e, ['FULL', 'MASKED']) ?? 'SHOWN';
    if (probe.fullOnly) expected[probe.fullOnly] = denied(e, ['FULL']) ?? 'SHOWN';
  }
  // Death is evidence from either cremation records or hukou cancellations: a fact of either item.
  const cremation = access('CREMATION');
  const hukou = access('HUKOU');
  if ('level' in cremation || 'level' in hukou) {
    expected['person.death'] = 'SHOWN';
    expected['person.death.cremations'] = recordRule('CREMATION');
  } else if (ownKind('CREMATION') || ownKind('HUKOU')) {
    expected['person.death'] = 'NULL';
    expected['person.death.cremations'] = 'ABSENT';
  } else {
    expected['person.death'] = `DENIED:${cremation.reason}`;
    expected['person.death.cremations'] = 'ABSENT';
  }
  return expected;
}

const at = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), data);

const isMasked = (value: unknown, clear: unknown) =>
  typeof value === 'string' && value !== clear && value.includes('*');

/** What the answer shows at each path of `expected`, compared with the same query answered in full. */
export function observe(
  answer: GraphqlAnswer,
  baseline: GraphqlAnswer,
  paths: readonly string[],
): Record<string, string> {
  const observed: Record<string, string> = {};
  const errors = new Map((answer.errors ?? []).map((error) => [(error.path ?? []).join('.'), error]));
  const listFields = new Map(
    Object.values(PROBES).flatMap((probe) => (probe.list ? [[probe.list.path, probe.list.field] as const] : [])),
  );
  for (const path of paths) {
    const error = errors.get(path);
    if (error) {
      observed[path] = `DENIED:${String(error.extensions?.reason)}`;
      continue;
    }
    const value = at(answer.data, path);
    const clear = at(baseline.data, path);
    const field = listFields.get(path);
    if (value === undefined) observed[path] = 'ABSENT';
    else if (value === null) observed[path] = 'NULL';
    else if (field && Array.isArray(value)) {
      const first = (value[0] as Record<string, unknown> | undefined)?.[field];
      const clearFirst = (clear as Record<string, unknown>[] | undefined)?.[0]?.[field];
      observed[path] =
        value.length === 0
          ? 'EMPTY'
          : isMasked(first, clearFirst)
            ? 'MASKED'
            : first === clearFirst
              ? 'SHOWN'
              : `VALUE:${first}`;
    } else if (path === 'person.death') observed[path] = 'SHOWN';
    else
      observed[path] = isMasked(value, clear)
        ? 'MASKED'
        : JSON.stringify(value) === JSON.stringify(clear)
          ? 'SHOWN'
          : `VALUE:${value}`;
  }
  return observed;
}

/** Every denial names the data item it withholds, and says nothing of the data. */
export function deniedItemsNamed(answer: GraphqlAnswer): boolean {
  const codes = new Set(DATA_ITEMS.map((item) => item.code));
  return (answer.errors ?? []).every(
    (error) => error.extensions?.code !== 'FORBIDDEN' || codes.has(String(error.extensions?.dataItem)),
  );
}
