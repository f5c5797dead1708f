import { Purpose } from '@hub/prisma';
import { builder } from '../builder.ts';

export const PurposeEnum = builder.enumType(Purpose, {
  name: 'Purpose',
  description: 'What a request is for; agreements and consents name the purposes they cover.',
});
