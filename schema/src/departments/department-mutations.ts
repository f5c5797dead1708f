import { builder } from '../builder.ts';
import { DepartmentKindEnum } from './department.ts';

const manage = { can: 'departments:manage' } as const;

const CreateDepartmentInput = builder.inputType('CreateDepartmentInput', {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Unique and permanent: capital letters, digits and underscores, e.g. HOUSING_640100.',
    }),
    name: t.string({ required: true }),
    kind: t.field({ type: DepartmentKindEnum, required: true }),
    regionCode: t.string({ required: true, description: 'The region it serves (see regions).' }),
  }),
});

const UpdateDepartmentInput = builder.inputType('UpdateDepartmentInput', {
  description: 'What may change of a department; an omitted field stays as it is. Code and kind never change.',
  fields: (t) => ({
    name: t.string(),
    regionCode: t.string(),
  }),
});

builder.mutationField('createDepartment', (t) =>
  t.prismaField({
    type: 'Department',
    description: 'A new department; CONFLICT `CODE_TAKEN` when another one has the code.',
    authScopes: manage,
    args: { input: t.arg({ type: CreateDepartmentInput, required: true }) },
    resolve: async (query, _root, { input }, { prisma, services }) => {
      const { id } = await services.departments.createDepartment(input);
      return prisma.department.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('updateDepartment', (t) =>
  t.prismaField({
    type: 'Department',
    description: 'Renames a department or moves it to another region.',
    authScopes: manage,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateDepartmentInput, required: true }),
    },
    resolve: async (query, _root, args, { prisma, services }) => {
      const { id } = await services.departments.updateDepartment(String(args.id), args.input);
      return prisma.department.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
