import { Dataset } from '@hub/prisma';
import { builder } from '../builder.ts';

export const DatasetEnum = builder.enumType(Dataset, {
  name: 'Dataset',
  description: 'A kind of data a department delivers, one snapshot at a time.',
});
