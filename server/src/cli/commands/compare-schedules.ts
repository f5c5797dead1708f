import { parseArgs } from 'node:util';
import type { ComparisonKind } from '@hub/prisma';
import { disableComparisonSchedule } from '../../comparisons/disable-comparison-schedule.ts';
import { SCHEDULE_TIME_ZONE } from '../../comparisons/schedule-dates.ts';
import { setComparisonSchedule } from '../../comparisons/set-comparison-schedule.ts';
import type { CommandContext } from '../command-context.ts';
import { commandPool } from '../command-pool.ts';

export const SCHEDULE_USAGE = `usage: ./hub compare schedule --region CODE [--kind KIND] [--months 1,7] [--day 1] [--disable]
       ./hub compare schedules

Schedules the region's comparison of KIND (PERIODIC_REVIEW unless given) for midnight, China Standard Time, on
--day (1–28, default 1) of each of --months (default 1,7: twice a year, as 在保对象每年至少比对2次 demands). A
worker (./hub work-comparisons, or ./hub start) starts each run when it falls due, as of the last day of the
month before. --disable stops the schedule. \`compare schedules\` lists them.`;

const cst = (date: Date | null) =>
  date ? `${date.toLocaleString('sv-SE', { timeZone: SCHEDULE_TIME_ZONE }).slice(0, 16)} CST` : '—';

/** `hub compare schedule`: sets, replaces or disables a region's scheduled comparison. */
export async function compareScheduleCommand(args: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      kind: { type: 'string', default: 'PERIODIC_REVIEW' },
      months: { type: 'string' },
      day: { type: 'string' },
      disable: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(SCHEDULE_USAGE);
    return;
  }
  if (!values.region) throw new Error(`--region takes the region's code, e.g. 640100\n\n${SCHEDULE_USAGE}`);
  const months = values.months?.split(',').map((month) => Number(month.trim()));
  if (months?.some((month) => Number.isNaN(month))) throw new Error(`--months takes numbers, e.g. 1,7`);
  const pool = commandPool(await context.databaseUrl(), 1);
  try {
    const kind = values.kind as ComparisonKind;
    if (values.disable) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM comparison_schedules WHERE region_code = $1 AND kind::text = $2',
        [values.region, kind],
      );
      if (!rows[0]) throw new Error(`no ${kind} schedule for region ${values.region}`);
      await disableComparisonSchedule(pool, rows[0].id);
      console.log(`schedule ${rows[0].id} disabled`);
      return;
    }
    const { id } = await setComparisonSchedule(pool, {
      regionCode: values.region,
      kind,
      months: months ?? null,
      dayOfMonth: values.day ? Number(values.day) : null,
    });
    const { rows } = await pool.query<{ next_run_at: Date; months: number[]; day_of_month: number }>(
      'SELECT next_run_at, months, day_of_month FROM comparison_schedules WHERE id = $1',
      [id],
    );
    const schedule = rows[0];
    console.log(
      `schedule ${id}: ${kind} of ${values.region} on day ${schedule?.day_of_month} of months ${schedule?.months.join(',')}; ` +
        `next run ${cst(schedule?.next_run_at ?? null)}`,
    );
  } finally {
    await pool.end();
  }
}

/** `hub compare schedules`: every scheduled comparison with its next and last run. */
export async function listSchedulesCommand(context: CommandContext): Promise<void> {
  const pool = commandPool(await context.databaseUrl(), 1);
  try {
    const { rows } = await pool.query<{
      id: string;
      region_code: string;
      kind: string;
      months: number[];
      day_of_month: number;
      enabled: boolean;
      next_run_at: Date;
      last_run_id: string | null;
      last_failure: string | null;
    }>('SELECT * FROM comparison_schedules ORDER BY region_code, kind');
    if (rows.length === 0) console.log('no comparison is scheduled (./hub compare schedule --region CODE)');
    for (const row of rows) {
      console.log(
        `${row.region_code} ${row.kind.padEnd(16)} day ${row.day_of_month} of ${row.months.join(',').padEnd(8)} ` +
          `${row.enabled ? `next ${cst(row.next_run_at)}` : 'disabled'}` +
          `${row.last_run_id ? `  last run ${row.last_run_id}` : ''}${row.last_failure ? `  failed: ${row.last_failure}` : ''}`,
      );
    }
  } finally {
    await pool.end();
  }
}
