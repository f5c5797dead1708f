import { builder } from '../builder.ts';
import type { AuditChainStatus as ChainStatus } from '../context.ts';

export const AuditChainProblemEnum = builder.enumType('AuditChainProblem', {
  values: {
    CONTENT_ALTERED: { description: "The entry's content no longer matches its hash." },
    LINK_BROKEN: { description: 'The entry does not link to the hash of the entry before it.' },
    ENTRY_MISSING: {
      description: 'Entries from this sequence on are missing: deleted, or cut off after a signed checkpoint.',
    },
    TIME_REVERSED: { description: 'The entry is dated before the entry or the signed checkpoint before it.' },
    FUTURE_DATED: { description: "The entry is dated after the database's present time." },
    CHECKPOINT_MISMATCH: {
      description:
        'The chain no longer holds the head a checkpoint signed: an entry from this sequence on was rewritten.',
    },
    CASE_EVENT_ALTERED: {
      description: 'A discrepancy case event no longer matches the SHA-256 its chain entry sealed, or is gone.',
    },
    CASE_EVENT_UNCHAINED: {
      description: 'A discrepancy case event has no entry in the chain: it was added behind it.',
    },
  } as const,
});

const broken = (status: ChainStatus) => (status.intact ? null : status);

export const AuditChainStatus = builder.objectRef<ChainStatus>('AuditChainStatus').implement({
  description: "The audit chain's verification: every hash recomputed, every link and sequence number checked.",
  fields: (t) => ({
    intact: t.exposeBoolean('intact'),
    entries: t.exposeInt('entries', { description: 'Entries verified intact (before the first broken one, if any).' }),
    firstBrokenSequence: t.string({
      nullable: true,
      resolve: (status) => broken(status)?.firstBrokenSequence.toString() ?? null,
    }),
    firstBrokenId: t.id({ nullable: true, resolve: (status) => broken(status)?.firstBrokenId ?? null }),
    problem: t.field({
      type: AuditChainProblemEnum,
      nullable: true,
      resolve: (status) => broken(status)?.problem ?? null,
    }),
    detail: t.string({ nullable: true, resolve: (status) => broken(status)?.detail ?? null }),
  }),
});

builder.queryField('auditChainStatus', (t) =>
  t.field({
    type: AuditChainStatus,
    nullable: true,
    description: 'Walks the whole audit chain now and says whether it is intact; on a long chain this takes a while.',
    authScopes: { auditor: true },
    resolve: (_root, _args, { services }) => services.audit.verifyChain(),
  }),
);
