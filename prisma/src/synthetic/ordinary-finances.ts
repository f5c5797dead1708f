import { shopAddress, urbanAddress } from './addresses.ts';
import {
  recordBusiness,
  recordDeposit,
  recordProperty,
  recordVehicle,
  recordWealthProduct,
  yuan,
} from './asset-records.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import {
  isPensionAge,
  recordFormerJob,
  recordPension,
  recordUnemploymentBenefit,
  recordWage,
} from './income-sources.ts';

// Households not on assistance: the majority, with the city's ordinary spread of jobs, pensions and property.
// Nothing here is bounded by a standard; these households are what a comparison must not confuse with recipients.

const HOUSING_FUND_RATES = [50, 80, 100, 120] as const;

/** `staff` members are left out: their post pays them (see staff-roster.ts). */
export function ordinaryIncome(
  context: GenerationContext,
  household: Household,
  staff: ReadonlySet<Member> = new Set(),
): void {
  const { random } = context;
  const urban = household.areaType === 'URBAN';
  for (const member of household.members) {
    if (member.diedOn !== null && member.diedOn <= context.asOfDay) {
      if (member.age >= 60 && random.chance(0.8))
        recordPension(context, household, member, 'URBAN_RURAL_RESIDENT', yuan(random.int(180, 320)));
      continue;
    }
    if (staff.has(member)) continue;
    if (isPensionAge(member)) {
      const draw = random.float();
      if (urban ? draw < 0.75 : draw < 0.15) {
        recordPension(context, household, member, 'ENTERPRISE_EMPLOYEE', yuan(random.logNormal(3200, 0.2)));
      } else if (urban && draw < 0.85) {
        recordPension(context, household, member, 'PUBLIC_INSTITUTION', yuan(random.logNormal(5600, 0.2)));
      } else if (member.age >= 60) {
        recordPension(context, household, member, 'URBAN_RURAL_RESIDENT', yuan(random.int(180, 350)));
      }
    } else if (member.age >= 18) {
      const student = member.age <= 22 && random.chance(0.6);
      if (!student && random.chance(urban ? 0.7 : 0.45)) {
        const wageFen = yuan(
          Math.min(35_000, Math.max(2_050, random.logNormal(urban ? 4_300 : 3_000, urban ? 0.45 : 0.3))),
        );
        const fund = random.chance(urban ? 0.55 : 0.15);
        if (random.chance(0.12)) recordFormerJob(context, household, member, yuan(random.logNormal(3_500, 0.3)));
        recordWage(context, household, member, wageFen, {
          ...(fund ? { housingFundRatePermille: random.pick(HOUSING_FUND_RATES) } : {}),
        });
      } else if (!student && random.chance(0.05)) {
        recordUnemploymentBenefit(context, household, member);
      }
    }
  }
}

export function ordinaryAssets(context: GenerationContext, household: Household): void {
  const { random } = context;
  const urban = household.areaType === 'URBAN';
  const adults = household.members.filter((member) => member.age >= 16 && member.diedOn === null);
  const owner = (adults.find((member) => member.relation === 'HEAD') ?? adults[0]) as Member | undefined;
  if (!owner) return;
  for (const adult of adults) {
    const bankChances = urban ? [0.45, 0.4, 0.3] : [0.2, 0.15, 0.75];
    bankChances.forEach((chance, bankIndex) => {
      if (!random.chance(chance)) return;
      const balance = yuan(Math.min(3_000_000, random.logNormal(urban ? 25_000 : 12_000, 1.1)));
      recordDeposit(context, household, adult, bankIndex, random.chance(0.3) ? 'TIME' : 'DEMAND', balance);
    });
    if (random.chance(urban ? 0.1 : 0.03)) {
      const type = random.pick([
        'WEALTH_MANAGEMENT',
        'WEALTH_MANAGEMENT',
        'FUND',
        'SECURITIES',
        'INSURANCE_CASH_VALUE',
      ] as const);
      recordWealthProduct(context, household, adult, random.int(0, 2), type, yuan(random.logNormal(80_000, 0.8)));
    }
  }
  if (random.chance(urban ? 0.48 : 0.33)) {
    recordVehicle(
      context,
      owner,
      'PASSENGER_CAR',
      yuan(Math.min(800_000, Math.max(15_000, random.logNormal(90_000, 0.55)))),
    );
  }
  if (!urban && random.chance(0.35)) recordVehicle(context, owner, 'MOTORCYCLE', yuan(random.int(1_500, 8_000)));
  if (!urban && random.chance(0.08)) recordVehicle(context, owner, 'TRUCK', yuan(random.int(20_000, 150_000)));
  if (random.chance(urban ? 0.82 : 0.7)) {
    const area = urban ? random.logNormal(95, 0.25) : random.logNormal(120, 0.25);
    recordProperty(context, household, owner, 'RESIDENTIAL', household.address, {
      areaCentiM2: Math.round(area * 100),
    });
    if (random.chance(urban ? 0.22 : 0.08)) {
      recordProperty(context, household, owner, 'RESIDENTIAL', urbanAddress(random, household.county), {
        areaCentiM2: Math.round(random.logNormal(90, 0.25) * 100),
      });
    }
  }
  if (random.chance(0.02)) {
    recordProperty(
      context,
      household,
      owner,
      random.pick(['COMMERCIAL', 'PARKING', 'OFFICE'] as const),
      shopAddress(random, household.county),
      {
        areaCentiM2: Math.round(random.logNormal(40, 0.5) * 100),
      },
    );
  }
  if (random.chance(0.06)) {
    const trader = adults.find((adult) => adult.age >= 20 && adult.age <= 65) ?? owner;
    recordBusiness(context, household, trader, {
      company: random.chance(0.3),
      status: random.chance(0.9) ? 'ACTIVE' : 'CANCELLED',
      monthlyIncomeFen: random.chance(0.5) ? yuan(random.logNormal(8_000, 0.6)) : null,
    });
  }
}
