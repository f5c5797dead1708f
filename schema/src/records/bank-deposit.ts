import { DepositType } from '@hub/prisma';
import { builder } from '../builder.ts';
import { Provenance, provenanceOf } from '../datasets/provenance.ts';
import { personalData } from '../scopes.ts';

export const DepositTypeEnum = builder.enumType(DepositType, { name: 'DepositType' });

export const BankDeposit = builder.prismaObject('BankDeposit', {
  description: 'Deposits at one bank; each bank is a department of its own.',
  authScopes: personalData,
  fields: (t) => ({
    id: t.exposeID('id'),
    accountNumber: t.exposeString('accountNumber'),
    depositType: t.expose('depositType', { type: DepositTypeEnum }),
    balanceFen: t.expose('balanceFen', { type: 'Fen' }),
    openedOn: t.expose('openedOn', { type: 'Date' }),
    asOf: t.expose('asOf', { type: 'Date' }),
    provenance: t.field({ type: Provenance, resolve: (record, _args, context) => provenanceOf(record, context) }),
  }),
});
