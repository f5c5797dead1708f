import { builder } from '../builder.ts';
import { DATA_ITEMS, type DataItem } from '../catalogue.ts';
import { DatasetEnum } from '../datasets/dataset.ts';
import { DepartmentKindEnum } from '../departments/department.ts';

export const SensitivityEnum = builder.enumType('Sensitivity', { values: ['LOW', 'MEDIUM', 'HIGH'] as const });

export const DataItemObject = builder.objectRef<DataItem>('DataItem').implement({
  description: 'A shareable item of the catalogue: agreements grant items, each at an access level, never fields.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code'),
    providerKind: t.expose('providerKind', {
      type: DepartmentKindEnum,
      description: "The kind of department that provides it: an agreement's provider must be of this kind.",
    }),
    dataset: t.expose('dataset', { type: DatasetEnum, nullable: true }),
    sensitivity: t.expose('sensitivity', { type: SensitivityEnum }),
    consentRequired: t.exposeBoolean('consentRequired', {
      description: "Whether the subject's authorisation (授权) must cover the purpose and the date.",
    }),
    derivable: t.exposeBoolean('derivable', { description: 'Whether an agreement may grant it at DERIVED level.' }),
    nameZh: t.string({ resolve: (item) => item.name.zh }),
    nameEn: t.string({ resolve: (item) => item.name.en }),
  }),
});

builder.queryField('dataItems', (t) =>
  t.field({
    type: [DataItemObject],
    nullable: true,
    description: 'The whole catalogue of shareable data items.',
    authScopes: { authenticated: true },
    resolve: () => [...DATA_ITEMS],
  }),
);
