import { builder } from '../builder.ts';
import { serviceDay } from '../calendar/service-day.ts';
import type { Context } from '../context.ts';
import { fact, personSubject } from '../disclosure/annotations.ts';
import { visibleRecordsWhere } from '../disclosure/visible-records.ts';

// The DERIVED forms of the department items: the computed fact a partner needs ("owns a vehicle"), without the
// records behind it. Each counts the person's current records from the providers the caller may ask.

type Where = Awaited<ReturnType<typeof visibleRecordsWhere>> & { personId: string };

const hasAny = async (context: Context, itemCode: string, personId: string, count: (where: Where) => Promise<number>) =>
  (await count({ ...(await visibleRecordsWhere(context, itemCode, 'FACT', personSubject(personId))), personId })) > 0;

builder.prismaObjectFields('Person', (t) => ({
  ownsVehicle: t.boolean({
    nullable: true,
    description: 'Whether a vehicle is registered to the person.',
    extensions: fact('VEHICLES'),
    resolve: (person, _args, context) =>
      hasAny(context, 'VEHICLES', person.id, (where) => context.prisma.vehicleRecord.count({ where })),
  }),
  ownsRealEstate: t.boolean({
    nullable: true,
    description: 'Whether real estate is registered to the person.',
    extensions: fact('REAL_ESTATE'),
    resolve: (person, _args, context) =>
      hasAny(context, 'REAL_ESTATE', person.id, (where) => context.prisma.propertyRecord.count({ where })),
  }),
  isEmployed: t.boolean({
    nullable: true,
    description: 'Whether the person has an employment that has not ended.',
    extensions: fact('EMPLOYMENT_WAGES'),
    resolve: (person, _args, context) =>
      hasAny(context, 'EMPLOYMENT_WAGES', person.id, (where) =>
        context.prisma.employmentRecord.count({ where: { ...where, endedOn: null } }),
      ),
  }),
  receivesPension: t.boolean({
    nullable: true,
    description: 'Whether a pension is being paid to the person.',
    extensions: fact('PENSIONS'),
    resolve: (person, _args, context) =>
      hasAny(context, 'PENSIONS', person.id, (where) =>
        context.prisma.pensionRecord.count({ where: { ...where, stoppedOn: null } }),
      ),
  }),
  receivesUnemploymentBenefit: t.boolean({
    nullable: true,
    description: 'Whether unemployment benefit is being paid to the person today.',
    extensions: fact('UNEMPLOYMENT_BENEFITS'),
    resolve: (person, _args, context) =>
      hasAny(context, 'UNEMPLOYMENT_BENEFITS', person.id, (where) =>
        context.prisma.unemploymentBenefitRecord.count({ where: { ...where, endsOn: { gte: serviceDay() } } }),
      ),
  }),
  paysIntoHousingFund: t.boolean({
    nullable: true,
    description: 'Whether the person has a housing provident fund account that is being paid into.',
    extensions: fact('HOUSING_FUND'),
    resolve: (person, _args, context) =>
      hasAny(context, 'HOUSING_FUND', person.id, (where) =>
        context.prisma.housingFundAccount.count({ where: { ...where, status: 'PAYING' } }),
      ),
  }),
  holdsBankDeposits: t.boolean({
    nullable: true,
    description: 'Whether the person holds deposits at a bank the caller may ask.',
    extensions: fact('BANK_DEPOSITS'),
    resolve: (person, _args, context) =>
      hasAny(context, 'BANK_DEPOSITS', person.id, (where) => context.prisma.bankDeposit.count({ where })),
  }),
  runsBusiness: t.boolean({
    nullable: true,
    description:
      'Whether the person is registered as sole trader, legal representative, manager or controlling shareholder of an active business.',
    extensions: fact('BUSINESS_REGISTRATIONS'),
    resolve: (person, _args, context) =>
      hasAny(context, 'BUSINESS_REGISTRATIONS', person.id, (where) =>
        context.prisma.businessRegistration.count({ where: { ...where, status: 'ACTIVE' } }),
      ),
  }),
  hasDisabilityCertificate: t.boolean({
    nullable: true,
    description: 'Whether the person holds a disability certificate.',
    extensions: fact('DISABILITY'),
    resolve: (person, _args, context) =>
      hasAny(context, 'DISABILITY', person.id, (where) => context.prisma.disabilityCertificate.count({ where })),
  }),
}));
