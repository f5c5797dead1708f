import { z } from 'zod';

/**
 * What a department answers for a batch (the contract the simulator serves too): the records it holds about the
 * persons asked, each naming its person, the date they describe, and the persons it holds nothing about.
 */
export const DepartmentAnswer = z.object({
  asOf: z.iso.date(),
  records: z.array(z.looseObject({ idNumber: z.string().length(18) })),
  notFound: z.array(z.string().length(18)),
});

export type DepartmentAnswer = z.infer<typeof DepartmentAnswer>;
export type DepartmentRecord = DepartmentAnswer['records'][number];
