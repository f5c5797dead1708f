import { AuditEventType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { CHANGE_EVENTS } from '../change-events.ts';

export const AuditEventTypeEnum = builder.enumType('AuditEventType', {
  description: 'A typed administrative change, recorded in the audit chain in the same transaction as the change.',
  values: Object.fromEntries(
    Object.values(AuditEventType).map((type) => [type, { value: type, description: CHANGE_EVENTS[type].label }]),
  ) as { [Type in AuditEventType]: { value: Type; description: string } },
});
