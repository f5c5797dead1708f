import type { DepositType, PropertyUse, VehicleType, WealthProductType } from '../../generated/enums.ts';
import { addMonths, yearOf } from './calendar.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { nextSerial } from './generation-context.ts';
import { companyName, creditCode, soleTraderName } from './organisations.ts';

// Asset records (banks, traffic administration, real estate, market regulation), each also added to the
// household's running totals so that recipients' assets can be kept within their rules, or put just beyond them.

const CAR_BRANDS = ['大众', '丰田', '本田', '比亚迪', '吉利', '长安', '哈弗', '五菱', '别克', '日产', '奥迪', '宝马'];
const MOTORCYCLE_BRANDS = ['雅迪', '爱玛', '豪爵', '五羊-本田', '宗申', '大阳'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const WEALTH_NAMES = ['稳利', '安鑫', '恒睿日日鑫', '金梧桐', '惠享', '天天利'];

export function recordDeposit(
  context: GenerationContext,
  household: Household,
  member: Member,
  bankIndex: number,
  type: DepositType,
  balanceFen: number,
): void {
  const bank = context.sources.banks[bankIndex] as (typeof context.sources.banks)[number];
  const openedOn = context.random.day(
    Math.max(member.birthDay + 16 * 366, context.asOfDay - 7300),
    context.asOfDay - 30,
  );
  context.records.deposit(
    bank.deposits,
    member.id,
    bank.accountPrefix + context.random.digits(9),
    type,
    balanceFen,
    openedOn,
  );
  household.financialAssetsFen += balanceFen;
}

export function recordWealthProduct(
  context: GenerationContext,
  household: Household,
  member: Member,
  bankIndex: number,
  type: WealthProductType,
  valueFen: number,
): void {
  const bank = context.sources.banks[bankIndex] as (typeof context.sources.banks)[number];
  const name = `${bank.productPrefix}·${context.random.pick(WEALTH_NAMES)}${context.random.int(1, 365)}天`;
  context.records.wealthProduct(bank.wealth, member.id, name, type, valueFen);
  household.financialAssetsFen += valueFen;
}

/** 宁A is Yinchuan's plate prefix. */
export function recordVehicle(context: GenerationContext, member: Member, type: VehicleType, valueFen: number): void {
  const { random } = context;
  let plate = `宁A${PLATE_LETTERS[random.int(0, PLATE_LETTERS.length - 1)]}`;
  for (let i = 0; i < 4; i++) plate += random.chance(0.2) ? PLATE_LETTERS[random.int(0, 23)] : String(random.int(0, 9));
  const brand = random.pick(type === 'MOTORCYCLE' ? MOTORCYCLE_BRANDS : CAR_BRANDS);
  const registeredOn = random.day(context.asOfDay - 3650, context.asOfDay - 60);
  context.records.vehicle(context.sources.vehicle, member.id, plate, type, brand, registeredOn, valueFen);
}

/** 宁(2019)银川市不动产权第0012345号: the certificate of a property registered in a given year. */
export function recordProperty(
  context: GenerationContext,
  household: Household,
  member: Member,
  use: PropertyUse,
  address: string,
  options: { areaCentiM2: number; acquiredOn?: number; publicRental?: boolean },
): void {
  const acquiredOn = options.acquiredOn ?? context.random.day(context.asOfDay - 9000, context.asOfDay - 400);
  const certificate = `宁(${yearOf(acquiredOn)})银川市不动产权第${String(nextSerial(context) % 10_000_000).padStart(7, '0')}号`;
  context.records.property(
    context.sources.realEstate,
    member.id,
    certificate,
    address,
    household.county.code,
    use,
    options.areaCentiM2,
    acquiredOn,
    options.publicRental ?? false,
  );
  if (use === 'RESIDENTIAL' && !options.publicRental) household.homes += 1;
}

export function recordBusiness(
  context: GenerationContext,
  household: Household,
  member: Member,
  options: { company: boolean; status: 'ACTIVE' | 'CANCELLED'; monthlyIncomeFen: number | null },
): void {
  const { random } = context;
  const name = options.company
    ? companyName(random, member.name)
    : soleTraderName(random, household.county, member.name);
  const capitalFen = options.company ? random.int(10, 500) * 1_000_000 : random.int(3, 30) * 1_000_000;
  const registeredOn = random.day(addMonths(context.asOfDay, -120), addMonths(context.asOfDay, -14));
  context.records.business(
    context.sources.business,
    member.id,
    creditCode(random, household.county.code, !options.company),
    name,
    options.company ? 'LEGAL_REPRESENTATIVE' : 'SOLE_TRADER',
    options.status,
    registeredOn,
    capitalFen,
    options.monthlyIncomeFen,
  );
}

/** Whole yuan, as balances and values are quoted; keeps household sums exact. */
export function yuan(amount: number): number {
  return Math.max(100, Math.round(amount) * 100);
}
