import { shopAddress, urbanAddress } from './addresses.ts';
import {
  recordBusiness,
  recordDeposit,
  recordProperty,
  recordVehicle,
  recordWealthProduct,
  yuan,
} from './asset-records.ts';
import { enrolGuarantee } from './assistance-records.ts';
import { isoDate } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { livingMembers } from './generation-context.ts';
import { financialAssetLimitFen } from './recipient-finances.ts';
import { qualifyingHousehold } from './regular-households.ts';

// Planted asset cases and their near-miss controls. Each starts from an enrolled, clean 低保 household and adds
// one record: a car above (or exactly at) the exempt value, a second home or a shop, financial assets above (or
// exactly at) the limit, a business (active, or cancelled).

function enrolledAdult(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  home?: 'owned',
): [Household, Member] {
  const household = qualifyingHousehold(context, rows, maxSize, { workingAdult: true, ...(home ? { home } : {}) });
  enrolGuarantee(context, rows, household);
  const living = livingMembers(household, context.asOfDay);
  const adult = living.find((member) => member.age >= 18 && member.age <= 65) ?? (living[0] as Member);
  return [household, adult];
}

export function plantVehicle(context: GenerationContext, rows: ChunkRows, maxSize: number, atLimit: boolean): void {
  const [household, owner] = enrolledAdult(context, rows, maxSize);
  const exemptFen = household.standard.exemptVehicleMaxValueFen ?? 0;
  const valueFen = atLimit ? exemptFen : yuan(context.random.int(60_000, 180_000));
  recordVehicle(context, owner, 'PASSENGER_CAR', valueFen);
  const detail = { vehicleType: 'PASSENGER_CAR', valueFen, exemptVehicleMaxValueFen: exemptFen };
  if (atLimit) {
    context.controls.push({
      kind: 'VEHICLE_AT_EXEMPT_LIMIT',
      householdId: household.id,
      personId: owner.id,
      note: 'a passenger car worth exactly the exempt value: "at most" the value is exempt',
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'UNDECLARED_VEHICLE',
      householdId: household.id,
      personId: owner.id,
      expectedFlag: 'NON_EXEMPT_VEHICLE',
      detail,
    });
  }
}

export function plantExtraProperty(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  commercial: boolean,
): void {
  const [household, owner] = enrolledAdult(context, rows, maxSize, commercial ? undefined : 'owned');
  const { random } = context;
  const acquiredOn = random.day(context.asOfDay - 1500, context.asOfDay - 200);
  if (commercial) {
    recordProperty(context, household, owner, 'COMMERCIAL', shopAddress(random, household.county), {
      areaCentiM2: Math.round(random.logNormal(45, 0.3) * 100),
      acquiredOn,
    });
  } else {
    recordProperty(context, household, owner, 'RESIDENTIAL', urbanAddress(random, household.county), {
      areaCentiM2: Math.round(random.logNormal(90, 0.2) * 100),
      acquiredOn,
    });
  }
  context.plantedCases.push({
    kind: 'EXTRA_PROPERTY',
    householdId: household.id,
    personId: owner.id,
    expectedFlag: 'EXCESS_PROPERTY',
    detail: {
      variant: commercial ? 'COMMERCIAL_PROPERTY' : 'SECOND_HOME',
      homes: household.homes,
      acquiredOn: isoDate(acquiredOn),
    },
  });
}

/** Tops financial assets up to the limit exactly (a control) or above it, as a time deposit or a wealth product. */
export function plantFinancialAssets(
  context: GenerationContext,
  rows: ChunkRows,
  maxSize: number,
  variant: 'DEPOSIT' | 'WEALTH_PRODUCT' | 'AT_LIMIT',
): void {
  const [household, owner] = enrolledAdult(context, rows, maxSize);
  const limitFen = financialAssetLimitFen(context, household);
  const topUp =
    limitFen - household.financialAssetsFen + (variant === 'AT_LIMIT' ? 0 : yuan(context.random.int(5_000, 80_000)));
  const bank = context.random.int(0, 2);
  if (variant === 'WEALTH_PRODUCT') recordWealthProduct(context, household, owner, bank, 'WEALTH_MANAGEMENT', topUp);
  else recordDeposit(context, household, owner, bank, 'TIME', topUp);
  const members = livingMembers(household, context.asOfDay).length;
  const detail = {
    variant,
    financialAssetsFen: household.financialAssetsFen,
    limitFen,
    members,
    perCapitaFen: household.financialAssetsFen / members,
    perCapitaLimitFen: limitFen / members,
  };
  if (variant === 'AT_LIMIT') {
    context.controls.push({
      kind: 'DEPOSITS_AT_LIMIT',
      householdId: household.id,
      personId: owner.id,
      note: 'financial assets exactly at the limit per head: "at most" the limit is allowed',
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'DEPOSITS_OVER_LIMIT',
      householdId: household.id,
      personId: owner.id,
      expectedFlag: 'FINANCIAL_ASSETS_OVER_LIMIT',
      detail,
    });
  }
}

export function plantBusiness(context: GenerationContext, rows: ChunkRows, maxSize: number, cancelled: boolean): void {
  const [household, owner] = enrolledAdult(context, rows, maxSize);
  recordBusiness(context, household, owner, {
    company: false,
    status: cancelled ? 'CANCELLED' : 'ACTIVE',
    monthlyIncomeFen: null,
  });
  const detail = { role: 'SOLE_TRADER', status: cancelled ? 'CANCELLED' : 'ACTIVE' };
  if (cancelled) {
    context.controls.push({
      kind: 'CANCELLED_BUSINESS',
      householdId: household.id,
      personId: owner.id,
      note: 'a sole trader registration that was cancelled: no business is registered any more',
      detail,
    });
  } else {
    context.plantedCases.push({
      kind: 'BUSINESS_REGISTERED',
      householdId: household.id,
      personId: owner.id,
      expectedFlag: 'BUSINESS_REGISTERED',
      detail,
    });
  }
}
