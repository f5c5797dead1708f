import { Dataset } from '@hub/prisma';
import { builder } from '../builder.ts';
import { type DeliveryColumn, datasetProviderKind, findDeliveryFormat } from '../delivery-formats.ts';
import { DepartmentKindEnum } from '../departments/department.ts';
import { DatasetEnum } from './dataset.ts';

const DatasetColumnTypeEnum = builder.enumType('DatasetColumnType', {
  values: ['ID_NUMBER', 'TEXT', 'DATE', 'AMOUNT_FEN', 'ENUM', 'REGION_CODE'] as const,
  description: 'What a column of a delivery file holds; DATE is YYYY-MM-DD, AMOUNT_FEN whole fen, not negative.',
});

const DatasetColumn = builder.objectRef<DeliveryColumn>('DatasetColumn').implement({
  description: "One column of a dataset's delivery file (the CSV header's name, or the NDJSON key).",
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: DatasetColumnTypeEnum, resolve: (column) => column.type }),
    required: t.exposeBoolean('required'),
    description: t.exposeString('description'),
    allowedValues: t.stringList({ nullable: true, resolve: (column) => column.values ?? null }),
  }),
});

const DatasetDescription = builder.objectRef<{ dataset: Dataset }>('DatasetDescription').implement({
  description: 'A dataset, the kind of department that delivers it, and the columns of its bulk delivery file.',
  fields: (t) => ({
    dataset: t.field({ type: DatasetEnum, resolve: ({ dataset }) => dataset }),
    providerKind: t.field({ type: DepartmentKindEnum, resolve: ({ dataset }) => datasetProviderKind(dataset) }),
    acceptsBulkDelivery: t.boolean({
      description: 'Whether PUT /datasets/{dataset}/snapshots takes a file of it.',
      resolve: ({ dataset }) => findDeliveryFormat(dataset) !== undefined,
    }),
    columns: t.field({
      type: [DatasetColumn],
      description: 'Empty for a dataset not delivered in bulk.',
      resolve: ({ dataset }) => [...(findDeliveryFormat(dataset)?.columns ?? [])],
    }),
  }),
});

builder.queryField('datasets', (t) =>
  t.field({
    type: [DatasetDescription],
    description: 'Every dataset departments deliver, with its delivery format.',
    authScopes: { authenticated: true },
    resolve: () => Object.values(Dataset).map((dataset) => ({ dataset })),
  }),
);
