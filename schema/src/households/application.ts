import { ApplicationStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { disclosedType, householdSubject, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';
import { AssistanceKindEnum } from './assistance-case.ts';

export const ApplicationStatusEnum = builder.enumType(ApplicationStatus, { name: 'ApplicationStatus' });

export const Application = builder.prismaObject('Application', {
  description: "A household's application for assistance; it is verified before it can be approved.",
  authScopes: personalData,
  extensions: disclosedType<{ householdId: string }>({
    item: 'ASSISTANCE_APPLICATIONS',
    subject: (row) => householdSubject(row.householdId),
    provider: () => null,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    kind: t.expose('kind', { type: AssistanceKindEnum }),
    status: t.expose('status', { type: ApplicationStatusEnum }),
    submittedOn: t.expose('submittedOn', { type: 'Date' }),
    medicalExpenseMonthlyFen: t.exposeInt('medicalExpenseMonthlyFen'),
    educationExpenseMonthlyFen: t.exposeInt('educationExpenseMonthlyFen'),
  }),
});
