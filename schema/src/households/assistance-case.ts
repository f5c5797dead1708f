import { AssistanceKind, CaseStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { disclosedType, householdSubject, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const AssistanceKindEnum = builder.enumType(AssistanceKind, { name: 'AssistanceKind' });
export const CaseStatusEnum = builder.enumType(CaseStatus, { name: 'CaseStatus' });

export const AssistanceCase = builder.prismaObject('AssistanceCase', {
  description: "A household's enrolment in one kind of assistance.",
  authScopes: personalData,
  extensions: disclosedType<{ householdId: string }>({
    item: 'ASSISTANCE_STATUS',
    subject: (row) => householdSubject(row.householdId),
    provider: () => null,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    caseNumber: t.exposeString('caseNumber', {
      nullable: true,
      description: 'The case’s number in the civil-affairs business system.',
      extensions: metadata,
    }),
    kind: t.expose('kind', { type: AssistanceKindEnum }),
    status: t.expose('status', { type: CaseStatusEnum }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
    monthlyAmountFen: t.exposeInt('monthlyAmountFen'),
    gracePeriodStartedOn: t.expose('gracePeriodStartedOn', {
      type: 'Date',
      nullable: true,
      description: '渐退期: the day the grace period began.',
    }),
    gracePeriodEndsOn: t.expose('gracePeriodEndsOn', {
      type: 'Date',
      nullable: true,
      description: 'Its last day: the start plus the region standard’s grace months.',
    }),
    singlePerson: t.relation('singlePerson', { nullable: true, extensions: metadata }),
  }),
});
