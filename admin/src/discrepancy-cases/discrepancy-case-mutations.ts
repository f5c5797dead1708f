import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import type { DiscrepancyCaseStep } from './discrepancy-case-steps.ts';

// Each step answers the case as it now stands; the screen reads it again in full after.
const step = (mutation: string, args: string, call: string) =>
  gql`mutation ${mutation}($id: ID!${args}) { ${call} { id status } }`;

export const DISCREPANCY_CASE_MUTATIONS: Record<DiscrepancyCaseStep, DocumentNode> = {
  ASSIGN: step(
    'AssignDiscrepancyCase',
    ', $assigneeId: ID!',
    'assignDiscrepancyCase(id: $id, assigneeId: $assigneeId)',
  ),
  RECORD_VISIT: step(
    'RecordDiscrepancyCaseVisit',
    ', $visitedOn: Date!, $notes: String!',
    'recordDiscrepancyCaseVisit(id: $id, visitedOn: $visitedOn, notes: $notes)',
  ),
  RECORD_EXPLANATION: step(
    'RecordDiscrepancyCaseExplanation',
    ', $explanation: String!',
    'recordDiscrepancyCaseExplanation(id: $id, explanation: $explanation)',
  ),
  ATTACH: step(
    'AttachDiscrepancyCaseFile',
    ', $input: AttachDiscrepancyCaseFileInput!',
    'attachDiscrepancyCaseFile(id: $id, input: $input)',
  ),
  DECIDE: step(
    'DecideDiscrepancyCase',
    ', $input: DecideDiscrepancyCaseInput!',
    'decideDiscrepancyCase(id: $id, input: $input)',
  ),
  APPEAL: step('AppealDiscrepancyCase', ', $evidence: String!', 'appealDiscrepancyCase(id: $id, evidence: $evidence)'),
  DECIDE_APPEAL: step(
    'DecideDiscrepancyCaseAppeal',
    ', $input: DecideDiscrepancyCaseInput!',
    'decideDiscrepancyCaseAppeal(id: $id, input: $input)',
  ),
  REFER: step(
    'ReferDiscrepancyCase',
    ', $input: ReferDiscrepancyCaseInput!',
    'referDiscrepancyCase(id: $id, input: $input)',
  ),
  CLOSE: step('CloseDiscrepancyCase', '', 'closeDiscrepancyCase(id: $id)'),
};
