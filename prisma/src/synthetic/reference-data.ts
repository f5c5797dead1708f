import type pg from 'pg';
import type { Dataset, LineReading } from '../../generated/enums.ts';
import { isoDate } from './calendar.ts';
import { BANKS, DEMO_DEPARTMENT_REGION, DEMO_DEPARTMENTS } from './demo-departments.ts';
import { DEMO_REGIONS } from './demo-region.ts';
import { DEMO_STANDARDS, type StandardInForce, standardKey } from './demo-standards.ts';
import type { Provenance } from './department-records.ts';
import type { Sources } from './generation-context.ts';
import type { SeededRandom } from './random.ts';

// The few reference rows (regions, departments, standards, one snapshot per department and dataset) go in with
// plain INSERTs. Rows an administrator made before the seed (a department for the first user, an edited
// standard) are kept, and the generator builds its cases against what is actually in the database.

export interface ReferenceData {
  sources: Sources;
  provenances: Provenance[];
  standards: Map<string, StandardInForce>;
}

export async function insertReferenceData(
  client: pg.Client,
  random: SeededRandom,
  options: { asOfYear: number; dataAsOfDay: number; createdAtText: string },
): Promise<ReferenceData> {
  for (const region of DEMO_REGIONS) {
    await client.query(
      'INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
      [region.code, region.name, region.level, region.parentCode],
    );
  }
  for (const department of DEMO_DEPARTMENTS) {
    await client.query(
      `INSERT INTO departments (id, code, kind, name, region_code, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING`,
      [random.uuid(), department.code, department.kind, department.name, DEMO_DEPARTMENT_REGION, options.createdAtText],
    );
  }
  for (const standard of DEMO_STANDARDS) {
    await client.query(
      `INSERT INTO assistance_standards (id, region_code, year, effective_from, area_type, minimum_living_monthly_fen,
         financial_asset_months, max_homes, exempt_vehicle_max_value_fen, employment_cost_deduction_fen, grace_period_months,
         minimum_living_line, low_income_line)
       VALUES ($1, $2, $3, make_date($3, 1, 1), $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (region_code, area_type, effective_from) DO NOTHING`,
      [
        random.uuid(),
        standard.regionCode,
        standard.year,
        standard.areaType,
        standard.minimumLivingMonthlyFen,
        standard.financialAssetMonths,
        standard.maxHomes,
        standard.exemptVehicleMaxValueFen,
        standard.employmentCostDeductionFen,
        standard.gracePeriodMonths,
        standard.minimumLivingLine,
        standard.lowIncomeLine,
      ],
    );
  }
  const standards = await readStandards(client, options.asOfYear);
  const departmentIds = new Map(
    (
      await client.query<{ id: string; code: string }>('SELECT id, code FROM departments WHERE code = ANY($1)', [
        DEMO_DEPARTMENTS.map((department) => department.code),
      ])
    ).rows.map((row) => [row.code, row.id]),
  );

  const provenances: Provenance[] = [];
  const snapshot = async (departmentCode: string, dataset: Dataset): Promise<Provenance> => {
    const provenance = {
      departmentId: departmentIds.get(departmentCode) as string,
      snapshotId: random.uuid(),
      dataset,
      rows: 0,
    };
    await client.query(
      `INSERT INTO dataset_snapshots (id, department_id, dataset, source, status, as_of, created_at, activated_at)
       VALUES ($1, $2, $3, 'SEED', 'CURRENT', $4, $5, $5)`,
      [provenance.snapshotId, provenance.departmentId, dataset, isoDate(options.dataAsOfDay), options.createdAtText],
    );
    provenances.push(provenance);
    return provenance;
  };
  const sources: Sources = {
    hukou: await snapshot('PUBLIC_SECURITY_640100', 'HUKOU'),
    vehicle: await snapshot('PUBLIC_SECURITY_640100', 'VEHICLE'),
    cremation: await snapshot('CIVIL_AFFAIRS_640100', 'CREMATION'),
    marriage: await snapshot('CIVIL_AFFAIRS_640100', 'MARRIAGE'),
    staffRoster: await snapshot('CIVIL_AFFAIRS_640100', 'STAFF_ROSTER'),
    staffFiling: await snapshot('CIVIL_AFFAIRS_640100', 'STAFF_RELATIVE_FILING'),
    realEstate: await snapshot('HOUSING_640100', 'REAL_ESTATE'),
    employment: await snapshot('HUMAN_RESOURCES_640100', 'EMPLOYMENT'),
    pension: await snapshot('HUMAN_RESOURCES_640100', 'PENSION'),
    unemploymentBenefit: await snapshot('HUMAN_RESOURCES_640100', 'UNEMPLOYMENT_BENEFIT'),
    housingFund: await snapshot('HOUSING_FUND_640100', 'HOUSING_FUND'),
    business: await snapshot('MARKET_REGULATION_640100', 'BUSINESS_REGISTRATION'),
    disability: await snapshot('DISABLED_PERSONS_FEDERATION_640100', 'DISABILITY'),
    banks: [],
  };
  const banks = [];
  for (const bank of BANKS) {
    banks.push({
      ...bank,
      deposits: await snapshot(bank.code, 'BANK_DEPOSIT'),
      wealth: await snapshot(bank.code, 'WEALTH_PRODUCT'),
    });
  }
  return { sources: { ...sources, banks }, provenances, standards };
}

async function readStandards(client: pg.Client, year: number): Promise<Map<string, StandardInForce>> {
  const { rows } = await client.query<{
    region_code: string;
    area_type: 'URBAN' | 'RURAL';
    minimum_living_monthly_fen: number;
    financial_asset_months: number;
    exempt_vehicle_max_value_fen: string | null;
    employment_cost_deduction_fen: number;
    grace_period_months: number;
    minimum_living_line: LineReading;
    low_income_line: LineReading;
    low_income_multiplier: string;
  }>('SELECT * FROM assistance_standards WHERE year = $1 ORDER BY effective_from', [year]);
  return new Map(
    rows.map((row) => [
      standardKey(row.region_code, row.area_type),
      {
        minimumLivingMonthlyFen: row.minimum_living_monthly_fen,
        financialAssetMonths: row.financial_asset_months,
        exemptVehicleMaxValueFen:
          row.exempt_vehicle_max_value_fen === null ? null : Number(row.exempt_vehicle_max_value_fen),
        employmentCostDeductionFen: row.employment_cost_deduction_fen,
        gracePeriodMonths: row.grace_period_months,
        minimumLivingLine: row.minimum_living_line,
        lowIncomeLine: row.low_income_line,
        lowIncomeMultiplier: Number(row.low_income_multiplier),
      },
    ]),
  );
}

/** Fills in each snapshot's counts once its rows are in. */
export async function completeSnapshots(client: pg.Client, provenances: readonly Provenance[]): Promise<void> {
  for (const provenance of provenances) {
    await client.query('UPDATE dataset_snapshots SET row_count = $2, accepted_count = $2 WHERE id = $1', [
      provenance.snapshotId,
      provenance.rows,
    ]);
  }
}
