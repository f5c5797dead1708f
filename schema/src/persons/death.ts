import type { CremationRecord as CremationRow, HukouRecord as HukouRow } from '@hub/prisma';
import { builder } from '../builder.ts';
import { disclosedType, personSubject, records } from '../disclosure/annotations.ts';
import { CremationRecord } from '../records/cremation-record.ts';
import { HukouRecord } from '../records/hukou-record.ts';
import { personalData } from '../scopes.ts';

interface DeathEvidence {
  personId: string;
  diedOn: Date;
  cremations: CremationRow[];
  hukouCancellations: HukouRow[];
}

export const PersonDeath = builder.objectRef<DeathEvidence>('PersonDeath').implement({
  description:
    'Evidence that a person has died: cremation records (civil affairs) and hukou cancellations for death (police).',
  authScopes: personalData,
  extensions: disclosedType<DeathEvidence>({
    item: 'CREMATION',
    subject: (death) => personSubject(death.personId),
    provider: () => null,
  }),
  fields: (t) => ({
    diedOn: t.expose('diedOn', {
      type: 'Date',
      description: 'The earliest date of death on a cremation record; else the date the hukou was cancelled.',
      extensions: { disclosure: { kind: 'FACT', items: ['CREMATION', 'HUKOU'] } },
    }),
    cremations: t.expose('cremations', { type: [CremationRecord], nullable: true, extensions: records('CREMATION') }),
    hukouCancellations: t.expose('hukouCancellations', {
      type: [HukouRecord],
      nullable: true,
      extensions: records('HUKOU'),
    }),
  }),
});

/** Deaths show up as cremation records and as hukou cancellations for death; either is evidence. */
export function deathEvidence(personId: string, cremations: CremationRow[], hukou: HukouRow[]): DeathEvidence | null {
  const hukouCancellations = hukou.filter((record) => record.cancellationReason === 'DEATH');
  const dates = cremations.length
    ? cremations.map((record) => record.diedOn)
    : hukouCancellations.flatMap((record) => (record.cancelledOn ? [record.cancelledOn] : []));
  if (!dates.length) return null;
  const diedOn = new Date(Math.min(...dates.map((date) => date.getTime())));
  return { personId, diedOn, cremations, hukouCancellations };
}
