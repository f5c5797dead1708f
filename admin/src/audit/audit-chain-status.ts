import { gql } from '@apollo/client';

export const AUDIT_CHAIN_STATUS = gql`query AuditChainStatus {
  auditChainStatus { intact entries problem firstBrokenSequence firstBrokenId detail }
}`;

export interface AuditChainStatus {
  intact: boolean;
  entries: number;
  problem: string | null;
  firstBrokenSequence: string | null;
  detail: string | null;
}
