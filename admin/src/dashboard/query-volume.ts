export interface DepartmentQueryVolume {
  day: string;
  allowed: number;
  denied: number;
  department: { id: string; name: string };
}

/** One row per day with a column per department (its allowed + denied queries), for a stacked chart. */
export function volumeByDay(rows: DepartmentQueryVolume[]): {
  days: Record<string, string | number>[];
  departments: string[];
} {
  const departments = [...new Set(rows.map((row) => row.department.name))];
  const byDay = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? { day: row.day };
    day[row.department.name] = (Number(day[row.department.name] ?? 0) + row.allowed + row.denied) as number;
    byDay.set(row.day, day);
  }
  return { days: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), departments };
}
