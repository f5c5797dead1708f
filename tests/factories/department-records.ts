import type { Dataset, DepartmentKind, PrismaClient, SnapshotStatus } from '@hub/prisma';
import { createDepartment, createSnapshot } from './departments.ts';
import { uniqueNumber } from './unique.ts';

const PROVIDERS: Record<
  Exclude<Dataset, 'STAFF_ROSTER' | 'STAFF_RELATIVE_FILING' | 'HOUSEHOLD_REGISTER' | 'ASSISTANCE_CASE'>,
  DepartmentKind
> = {
  HUKOU: 'PUBLIC_SECURITY',
  VEHICLE: 'PUBLIC_SECURITY',
  CREMATION: 'CIVIL_AFFAIRS',
  MARRIAGE: 'CIVIL_AFFAIRS',
  REAL_ESTATE: 'HOUSING',
  EMPLOYMENT: 'HUMAN_RESOURCES',
  PENSION: 'HUMAN_RESOURCES',
  UNEMPLOYMENT_BENEFIT: 'HUMAN_RESOURCES',
  HOUSING_FUND: 'HOUSING_FUND',
  BANK_DEPOSIT: 'BANK',
  WEALTH_PRODUCT: 'BANK',
  BUSINESS_REGISTRATION: 'MARKET_REGULATION',
  DISABILITY: 'DISABLED_PERSONS_FEDERATION',
};

export type PersonDataset = keyof typeof PROVIDERS;
export type Snapshots = Record<PersonDataset, { id: string; departmentId: string; asOf: Date }>;

/** One department of each kind and one snapshot of each dataset it delivers, all with the given status. */
export async function createSnapshots(
  prisma: PrismaClient,
  options: { regionCode: string; status?: SnapshotStatus },
): Promise<Snapshots> {
  const departments = new Map<DepartmentKind, string>();
  const snapshots: Partial<Snapshots> = {};
  for (const [dataset, kind] of Object.entries(PROVIDERS) as [PersonDataset, DepartmentKind][]) {
    if (!departments.has(kind)) {
      departments.set(kind, (await createDepartment(prisma, { kind, regionCode: options.regionCode })).id);
    }
    const departmentId = departments.get(kind) as string;
    snapshots[dataset] = await createSnapshot(prisma, { departmentId, dataset, status: options.status });
  }
  return snapshots as Snapshots;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** One record in each department branch of the person, each in its dataset's snapshot. */
export async function createDepartmentRecords(prisma: PrismaClient, personId: string, snapshots: Snapshots) {
  const n = uniqueNumber();
  const from = (dataset: PersonDataset) => ({
    personId,
    departmentId: snapshots[dataset].departmentId,
    snapshotId: snapshots[dataset].id,
    asOf: snapshots[dataset].asOf,
  });
  return {
    hukou: await prisma.hukouRecord.create({
      data: { ...from('HUKOU'), status: 'ACTIVE', registeredRegionCode: '640104', hukouNumber: `H${n}` },
    }),
    vehicle: await prisma.vehicleRecord.create({
      data: {
        ...from('VEHICLE'),
        plateNumber: `宁A${n}`,
        vehicleType: 'PASSENGER_CAR',
        brand: '五菱',
        registeredOn: day('2019-03-02'),
        estimatedValueFen: 9_007_199_254_740_993n,
      },
    }),
    property: await prisma.propertyRecord.create({
      data: {
        ...from('REAL_ESTATE'),
        certificateNumber: `宁(2020)银川市不动产权第${n}号`,
        address: `兴庆区解放街${n}号`,
        regionCode: '640104',
        use: 'RESIDENTIAL',
        areaM2: '89.50',
        acquiredOn: day('2015-08-01'),
      },
    }),
    employment: await prisma.employmentRecord.create({
      data: {
        ...from('EMPLOYMENT'),
        employerName: '银川市某物业公司',
        employerCode: `E${n}`,
        startedOn: day('2021-01-01'),
        monthlyWageFen: 320_000,
      },
    }),
    pension: await prisma.pensionRecord.create({
      data: {
        ...from('PENSION'),
        pensionType: 'URBAN_RURAL_RESIDENT',
        monthlyAmountFen: 18_500,
        startedOn: day('2020-01-01'),
      },
    }),
    unemploymentBenefit: await prisma.unemploymentBenefitRecord.create({
      data: {
        ...from('UNEMPLOYMENT_BENEFIT'),
        monthlyAmountFen: 150_000,
        startedOn: day('2024-01-01'),
        endsOn: day('2024-12-31'),
      },
    }),
    housingFund: await prisma.housingFundAccount.create({
      data: {
        ...from('HOUSING_FUND'),
        accountNumber: `GJJ${n}`,
        status: 'PAYING',
        employerName: '银川市某物业公司',
        monthlyContributionFen: 76_800,
        contributionRate: '0.120',
        balanceFen: 1_234_567n,
      },
    }),
    bankDeposit: await prisma.bankDeposit.create({
      data: {
        ...from('BANK_DEPOSIT'),
        accountNumber: `6222${n}`,
        depositType: 'TIME',
        balanceFen: 5_000_000n,
        openedOn: day('2018-06-01'),
      },
    }),
    wealthProduct: await prisma.wealthProduct.create({
      data: {
        ...from('WEALTH_PRODUCT'),
        productName: '稳利理财',
        productType: 'WEALTH_MANAGEMENT',
        marketValueFen: 2_000_000n,
      },
    }),
    business: await prisma.businessRegistration.create({
      data: {
        ...from('BUSINESS_REGISTRATION'),
        creditCode: `91640100MA${String(n).padStart(8, '0')}`.slice(0, 18),
        enterpriseName: '兴庆区某便利店',
        role: 'SOLE_TRADER',
        status: 'ACTIVE',
        registeredOn: day('2022-04-01'),
        registeredCapitalFen: 10_000_000n,
      },
    }),
    marriage: await prisma.marriageRegistration.create({
      data: {
        ...from('MARRIAGE'),
        event: 'MARRIAGE',
        spouseIdNumber: '11010519491231002X',
        spouseName: '李某',
        registeredOn: day('1990-10-01'),
      },
    }),
    disability: await prisma.disabilityCertificate.create({
      data: {
        ...from('DISABILITY'),
        certificateNumber: `D${n}`,
        category: '肢体',
        grade: 2,
        issuedOn: day('2017-05-01'),
      },
    }),
  };
}

/** The person died: a cremation record and a hukou cancelled for death, in the given snapshots. */
export async function createDeathRecords(prisma: PrismaClient, personId: string, snapshots: Snapshots) {
  const cremation = await prisma.cremationRecord.create({
    data: {
      personId,
      departmentId: snapshots.CREMATION.departmentId,
      snapshotId: snapshots.CREMATION.id,
      asOf: snapshots.CREMATION.asOf,
      diedOn: day('2024-03-10'),
      crematedOn: day('2024-03-13'),
      funeralHome: '银川市殡仪馆',
    },
  });
  const hukouCancellation = await prisma.hukouRecord.create({
    data: {
      personId,
      departmentId: snapshots.HUKOU.departmentId,
      snapshotId: snapshots.HUKOU.id,
      asOf: snapshots.HUKOU.asOf,
      status: 'CANCELLED',
      registeredRegionCode: '640104',
      hukouNumber: `H${uniqueNumber()}`,
      cancelledOn: day('2024-03-20'),
      cancellationReason: 'DEATH',
    },
  });
  return { cremation, hukouCancellation };
}
