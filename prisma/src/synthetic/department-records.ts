import type {
  BusinessRole,
  BusinessStatus,
  Dataset,
  DepositType,
  HousingFundStatus,
  KinRelation,
  PensionType,
  PropertyUse,
  StaffRole,
  VehicleType,
  WealthProductType,
} from '../../generated/enums.ts';
import { isoDate } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { SeededRandom } from './random.ts';
import { copyText, NULL } from './table-columns.ts';

/** Where a record came from: the delivering department and its snapshot; `rows` counts what the seed put in it. */
export interface Provenance {
  departmentId: string;
  snapshotId: string;
  dataset: Dataset;
  rows: number;
}

const dateOrNull = (day: number | null) => (day === null ? NULL : isoDate(day));

/** One method per department dataset; each writes one COPY line carrying its provenance. */
export class DepartmentRecords {
  rows!: ChunkRows;
  private readonly tail = new Map<Provenance, string>();

  constructor(
    private readonly random: SeededRandom,
    readonly asOfText: string,
  ) {}

  private end(source: Provenance): string {
    source.rows++;
    let tail = this.tail.get(source);
    if (tail === undefined) {
      tail = `\t${source.departmentId}\t${source.snapshotId}\t${this.asOfText}\n`;
      this.tail.set(source, tail);
    }
    return tail;
  }

  /** An active entry, or one cancelled for death on `cancelledOn`. */
  hukou(source: Provenance, personId: string, region: string, hukouNumber: string, cancelledOn: number | null): void {
    const status = cancelledOn === null ? 'ACTIVE\t' : 'CANCELLED\t';
    const cancelled = cancelledOn === null ? `${NULL}\t${NULL}` : `${isoDate(cancelledOn)}\tDEATH`;
    this.rows.add(
      'hukou_records',
      `${this.random.uuid()}\t${personId}\t${status}${region}\t${hukouNumber}\t${cancelled}${this.end(source)}`,
    );
  }

  cremation(source: Provenance, personId: string, diedOn: number, crematedOn: number, funeralHome: string): void {
    this.rows.add(
      'cremation_records',
      `${this.random.uuid()}\t${personId}\t${isoDate(diedOn)}\t${isoDate(crematedOn)}\t${copyText(funeralHome)}${this.end(source)}`,
    );
  }

  vehicle(
    source: Provenance,
    personId: string,
    plate: string,
    type: VehicleType,
    brand: string,
    registeredOn: number,
    valueFen: number,
  ): void {
    this.rows.add(
      'vehicle_records',
      `${this.random.uuid()}\t${personId}\t${plate}\t${type}\t${copyText(brand)}\t${isoDate(registeredOn)}\t${valueFen}${this.end(source)}`,
    );
  }

  property(
    source: Provenance,
    personId: string,
    certificate: string,
    address: string,
    region: string,
    use: PropertyUse,
    areaCentiM2: number,
    acquiredOn: number,
    publicRental: boolean,
  ): void {
    const area = `${Math.floor(areaCentiM2 / 100)}.${String(areaCentiM2 % 100).padStart(2, '0')}`;
    this.rows.add(
      'property_records',
      `${this.random.uuid()}\t${personId}\t${copyText(certificate)}\t${copyText(address)}\t${region}\t${use}\t${area}\t${isoDate(acquiredOn)}\t${publicRental ? 't' : 'f'}${this.end(source)}`,
    );
  }

  employment(
    source: Provenance,
    personId: string,
    employer: string,
    employerCode: string,
    startedOn: number,
    endedOn: number | null,
    wageFen: number,
  ): void {
    this.rows.add(
      'employment_records',
      `${this.random.uuid()}\t${personId}\t${copyText(employer)}\t${employerCode}\t${isoDate(startedOn)}\t${dateOrNull(endedOn)}\t${wageFen}${this.end(source)}`,
    );
  }

  pension(
    source: Provenance,
    personId: string,
    type: PensionType,
    amountFen: number,
    startedOn: number,
    stoppedOn: number | null,
  ): void {
    this.rows.add(
      'pension_records',
      `${this.random.uuid()}\t${personId}\t${type}\t${amountFen}\t${isoDate(startedOn)}\t${dateOrNull(stoppedOn)}${this.end(source)}`,
    );
  }

  unemploymentBenefit(
    source: Provenance,
    personId: string,
    amountFen: number,
    startedOn: number,
    endsOn: number,
  ): void {
    this.rows.add(
      'unemployment_benefit_records',
      `${this.random.uuid()}\t${personId}\t${amountFen}\t${isoDate(startedOn)}\t${isoDate(endsOn)}${this.end(source)}`,
    );
  }

  /** `ratePermille` is each side's rate in thousandths (120 = 12 %), so the SQL value is exact. */
  housingFund(
    source: Provenance,
    personId: string,
    account: string,
    status: HousingFundStatus,
    employer: string,
    contributionFen: number,
    ratePermille: number,
    balanceFen: number,
  ): void {
    const rate = `0.${String(ratePermille).padStart(3, '0')}`;
    this.rows.add(
      'housing_fund_accounts',
      `${this.random.uuid()}\t${personId}\t${account}\t${status}\t${copyText(employer)}\t${contributionFen}\t${rate}\t${balanceFen}${this.end(source)}`,
    );
  }

  deposit(
    source: Provenance,
    personId: string,
    account: string,
    type: DepositType,
    balanceFen: number,
    openedOn: number,
  ): void {
    this.rows.add(
      'bank_deposits',
      `${this.random.uuid()}\t${personId}\t${account}\t${type}\t${balanceFen}\t${isoDate(openedOn)}${this.end(source)}`,
    );
  }

  wealthProduct(source: Provenance, personId: string, name: string, type: WealthProductType, valueFen: number): void {
    this.rows.add(
      'wealth_products',
      `${this.random.uuid()}\t${personId}\t${copyText(name)}\t${type}\t${valueFen}${this.end(source)}`,
    );
  }

  business(
    source: Provenance,
    personId: string,
    creditCode: string,
    name: string,
    role: BusinessRole,
    status: BusinessStatus,
    registeredOn: number,
    capitalFen: number,
    monthlyIncomeFen: number | null,
  ): void {
    this.rows.add(
      'business_registrations',
      `${this.random.uuid()}\t${personId}\t${creditCode}\t${copyText(name)}\t${role}\t${status}\t${isoDate(registeredOn)}\t${capitalFen}\t${monthlyIncomeFen ?? NULL}${this.end(source)}`,
    );
  }

  marriage(
    source: Provenance,
    personId: string,
    event: 'MARRIAGE' | 'DIVORCE',
    spouseIdNumber: string,
    spouseName: string,
    registeredOn: number,
  ): void {
    this.rows.add(
      'marriage_registrations',
      `${this.random.uuid()}\t${personId}\t${event}\t${spouseIdNumber}\t${copyText(spouseName)}\t${isoDate(registeredOn)}${this.end(source)}`,
    );
  }

  disability(
    source: Provenance,
    personId: string,
    certificate: string,
    category: string,
    grade: number,
    issuedOn: number,
  ): void {
    this.rows.add(
      'disability_certificates',
      `${this.random.uuid()}\t${personId}\t${certificate}\t${copyText(category)}\t${grade}\t${isoDate(issuedOn)}${this.end(source)}`,
    );
  }

  /** Returns the staff member's id, for filings that refer to it. */
  staffMember(source: Provenance, personId: string, role: StaffRole, position: string, region: string): string {
    const id = this.random.uuid();
    this.rows.add('staff_members', `${id}\t${personId}\t${role}\t${copyText(position)}\t${region}${this.end(source)}`);
    return id;
  }

  staffRelativeFiling(
    source: Provenance,
    staffPersonId: string,
    relativePersonId: string,
    relation: KinRelation,
    filedOn: number,
  ): void {
    this.rows.add(
      'staff_relative_filings',
      `${this.random.uuid()}\t${staffPersonId}\t${relativePersonId}\t${relation}\t${isoDate(filedOn)}${this.end(source)}`,
    );
  }
}
