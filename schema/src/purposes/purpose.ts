import { Purpose } from '@hub/prisma';
import { builder } from '../builder.ts';

export const PurposeEnum = builder.enumType(Purpose, {
  name: 'Purpose',
  description: 'Why a department asks: requests declare one, and agreements and consents name the ones they cover.',
});
