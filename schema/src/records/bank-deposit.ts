import { DepositType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { departmentRecord, identifier, metadata } from '../disclosure/annotations.ts';
import { personalData } from '../scopes.ts';

export const DepositTypeEnum = builder.enumType(DepositType, { name: 'DepositType' });

export const BankDeposit = builder.prismaObject('BankDeposit', {
  description: 'Deposits at one bank; each bank is a department of its own.',
  authScopes: personalData,
  extensions: departmentRecord('BANK_DEPOSITS'),
  fields: (t) => ({
    id: t.exposeID('id', { extensions: metadata }),
    accountNumber: t.exposeString('accountNumber', { extensions: identifier('ACCOUNT') }),
    depositType: t.expose('depositType', { type: DepositTypeEnum }),
    balanceFen: t.expose('balanceFen', { type: 'Fen' }),
    openedOn: t.expose('openedOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date', extensions: metadata }),
    provenance: t.field({
      type: Provenance,
      extensions: metadata,
      resolve: (record, _args, context) => provenanceOf(record, context),
    }),
  }),
});
