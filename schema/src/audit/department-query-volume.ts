import type { Department as DepartmentRow } from '@hub/prisma';
import { builder } from '../builder.ts';
import { serviceDay } from '../calendar/service-day.ts';
import type { QueryVolume } from '../context.ts';
import { Department } from '../departments/department.ts';
import { badUserInputError } from '../errors.ts';

const DAYS = { min: 1, max: 90 };
const DAY_MS = 86_400_000;

const DepartmentQueryVolume = builder
  .objectRef<QueryVolume & { department: DepartmentRow }>('DepartmentQueryVolume')
  .implement({
    description: "One department's requests on one service day (China Standard Time), from the audit trail.",
    fields: (t) => ({
      day: t.expose('day', { type: 'Date' }),
      department: t.field({ type: Department, resolve: (volume) => volume.department }),
      allowed: t.exposeInt('allowed', { description: 'Requests that disclosed something or asked about nobody.' }),
      denied: t.exposeInt('denied', { description: 'Requests whose every decision was a refusal.' }),
    }),
  });

builder.queryField('queryVolume', (t) =>
  t.field({
    type: [DepartmentQueryVolume],
    description:
      'Requests per day and department over the last `days` service days (1–90, today included), by day then ' +
      'department; a department with no request on a day has no row for it.',
    authScopes: { auditor: true },
    args: { days: t.arg.int({ defaultValue: 14, required: true }) },
    resolve: async (_root, { days }, { prisma, services }) => {
      if (days < DAYS.min || days > DAYS.max) {
        throw badUserInputError('OUT_OF_RANGE', `days: ask for ${DAYS.min} to ${DAYS.max} days`, { field: 'days' });
      }
      const firstDay = new Date(serviceDay().getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
      const volumes = await services.audit.queryVolume(firstDay);
      const ids = [...new Set(volumes.map((volume) => volume.departmentId))];
      const departments = new Map(
        (await prisma.department.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]),
      );
      return volumes.flatMap((volume) => {
        const department = departments.get(volume.departmentId);
        return department ? [{ ...volume, department }] : [];
      });
    },
  }),
);
