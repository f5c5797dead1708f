import { Purpose } from '@hub/prisma';
import { builder } from '../builder.ts';
import { PURPOSE_NAMES } from './purpose-names.ts';

export const PurposeEnum = builder.enumType('Purpose', {
  description: 'Why a department asks: requests declare one, and agreements and consents name the ones they cover.',
  values: Object.fromEntries(
    Object.values(Purpose).map((purpose) => [purpose, { value: purpose, description: PURPOSE_NAMES[purpose] }]),
  ) as { [Name in Purpose]: { value: Name; description: string } },
});
