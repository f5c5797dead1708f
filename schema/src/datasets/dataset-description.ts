import { Dataset } from '@hub/prisma';
import { builder } from '../builder.ts';
import {
  type DeliveryColumn,
  datasetProviderKind,
  findDeliveryFormat,
  findRegisterFormat,
} from '../delivery-formats.ts';
import { DepartmentKindEnum } from '../departments/department.ts';
import { DatasetEnum } from './dataset.ts';

const DatasetColumnTypeEnum = builder.enumType('DatasetColumnType', {
  values: {
    ID_NUMBER: { description: '18-character identity number (GB 11643) of a person the hub knows' },
    CITIZEN_ID: {
      description: 'identity number (GB 11643) that must pass its check character; the hub need not know the person',
    },
    TEXT: { description: 'free text' },
    DATE: { description: 'a day, YYYY-MM-DD' },
    AMOUNT_FEN: { description: 'money in whole fen (分), not negative' },
    DECIMAL: { description: 'a number with a decimal point, within the range the description gives' },
    INTEGER: { description: 'a whole number, within the range the description gives' },
    BOOLEAN: { description: 'true or false' },
    ENUM: { description: 'one of allowedValues' },
    REGION_CODE: { description: 'code of a region the hub knows (GB/T 2260 or a 12-digit statistical code)' },
    CREDIT_CODE: { description: '18-character unified social credit code (GB 32100) with a valid check character' },
  } as const,
  description: 'What a column of a delivery file holds.',
});

const DatasetColumn = builder.objectRef<DeliveryColumn>('DatasetColumn').implement({
  description: "One column of a dataset's delivery file (the CSV header's name, or the NDJSON key).",
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: DatasetColumnTypeEnum, resolve: (column) => column.type }),
    required: t.exposeBoolean('required'),
    description: t.exposeString('description'),
    allowedValues: t.stringList({ nullable: true, resolve: (column) => column.values ?? null }),
    minimum: t.string({
      nullable: true,
      description: 'DECIMAL and INTEGER: the smallest value allowed (exclusive when minimumExclusive).',
      resolve: (column) => column.range?.min ?? null,
    }),
    minimumExclusive: t.boolean({ resolve: (column) => column.range?.minExclusive ?? false }),
    maximum: t.string({
      nullable: true,
      description: 'DECIMAL and INTEGER: the largest value allowed.',
      resolve: (column) => column.range?.max ?? null,
    }),
  }),
});

const DatasetDescription = builder.objectRef<{ dataset: Dataset }>('DatasetDescription').implement({
  description: 'A dataset, the kind of department that delivers it, and the columns of its bulk delivery file.',
  fields: (t) => ({
    dataset: t.field({ type: DatasetEnum, resolve: ({ dataset }) => dataset }),
    providerKind: t.field({ type: DepartmentKindEnum, resolve: ({ dataset }) => datasetProviderKind(dataset) }),
    acceptsBulkDelivery: t.boolean({
      description: 'Whether PUT /datasets/{dataset}/snapshots takes a file of it.',
      resolve: ({ dataset }) => (findDeliveryFormat(dataset) ?? findRegisterFormat(dataset)) !== undefined,
    }),
    columns: t.field({
      type: [DatasetColumn],
      description: 'Empty for a dataset not delivered in bulk.',
      resolve: ({ dataset }) => [...((findDeliveryFormat(dataset) ?? findRegisterFormat(dataset))?.columns ?? [])],
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
