import { AccessLevel } from '@hub/prisma';
import { builder } from '../builder.ts';
import { findDataItem } from '../catalogue.ts';
import { DataItemObject } from './data-item.ts';

export const AccessLevelEnum = builder.enumType(AccessLevel, {
  name: 'AccessLevel',
  description: 'FULL values; MASKED (ID 640102********123X, name 张*); DERIVED: only the computed fact.',
});

export const SharingAgreementItem = builder.prismaObject('SharingAgreementItem', {
  description: 'One data item an agreement grants, at one access level.',
  authScopes: { can: 'agreements:read' },
  fields: (t) => ({
    dataItemCode: t.exposeString('itemCode'),
    dataItem: t.field({
      type: DataItemObject,
      nullable: true,
      description: 'Null only when the catalogue no longer has the item.',
      resolve: (item) => findDataItem(item.itemCode),
    }),
    accessLevel: t.expose('accessLevel', { type: AccessLevelEnum }),
  }),
});
