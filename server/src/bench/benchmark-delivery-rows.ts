import type { Dataset } from '@hub/prisma';

/** One CSV line of a benchmark delivery, for the i-th row over the seeded persons. */
export interface BenchmarkRows {
  header: string;
  row: (idNumber: string, i: number) => string;
}

// The datasets `pnpm bench import --dataset` delivers: the first seven's largest, and the widest of the new ones
// (decimals, a region looked up per row, an optional boolean and an optional share left to their defaults).
export const BENCHMARK_ROWS: Partial<Record<Dataset, BenchmarkRows>> = {
  BANK_DEPOSIT: {
    header: 'id_number,account_number,deposit_type,balance_fen,opened_on',
    row: (idNumber, i) =>
      `${idNumber},6222${String(i).padStart(12, '0')},${i % 3 ? 'DEMAND' : 'TIME'},${(i * 7919) % 50_000_000},2015-${String((i % 12) + 1).padStart(2, '0')}-15\n`,
  },
  REAL_ESTATE: {
    header: 'id_number,certificate_number,address,region_code,use,area_m2,share_percent,acquired_on,is_public_rental',
    row: (idNumber, i) =>
      `${idNumber},宁(2020)银川市不动产权第${String(i).padStart(7, '0')}号,兴庆区民族北街${(i % 900) + 1}号${(i % 30) + 1}单元,` +
      `640104,${i % 7 ? 'RESIDENTIAL' : 'PARKING'},${40 + (i % 120)}.${String(i % 100).padStart(2, '0')},` +
      `${i % 4 ? '' : '50'},20${String(10 + (i % 15))}-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1},${i % 10 ? '' : 'false'}\n`,
  },
  HOUSING_FUND: {
    header: 'id_number,account_number,status,employer_name,monthly_contribution_fen,contribution_rate,balance_fen',
    row: (idNumber, i) =>
      `${idNumber},GJJ${String(i).padStart(12, '0')},${i % 5 ? 'PAYING' : 'SEALED'},银川市第${i % 500}建设公司,` +
      `${60_000 + (i % 90_000)},0.${String(5 + (i % 8)).padStart(2, '0')},${(i * 7919) % 30_000_000}\n`,
  },
};
