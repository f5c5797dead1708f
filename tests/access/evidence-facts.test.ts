import type { AccessLevel } from '@hub/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { createAssessedRun } from '../factories/assessments.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 13: the facts behind a flag are disclosed by the door like the 核对报告, not to every reader of a run.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const FACTS = `query ($runId: ID!) { assessments(runId: $runId, first: 1) { edges { node {
  flags { code evidence { dataset facts { name value withheldItem } } } } } } }`;
const ACCOUNT = '6222020200112233445';

let runId: string;
let headId: string;
const officers: Record<'none' | AccessLevel, string> = { none: '', FULL: '', MASKED: '', DERIVED: '' };

beforeAll(async () => {
  const regions = await createRegionTree(hub.prisma);
  const family = await createHousehold(hub.prisma, { regionCode: regions.county.code });
  headId = family.head.id;
  const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: regions.city.code });
  for (const level of ['none', 'FULL', 'MASKED', 'DERIVED'] as const) {
    const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.county.code });
    if (level !== 'none') {
      await createAgreement(hub.prisma, {
        consumerDepartmentId: centre.id,
        providerDepartmentId: bank.id,
        purposes: ['PERIODIC_REVIEW'],
        items: { BANK_DEPOSITS: level },
      });
    }
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: centre.id });
    officers[level] = await hub.logIn(user.username, password);
  }
  await createConsent(hub.prisma, { personId: headId, purposes: ['PERIODIC_REVIEW'] });
  const evidence = {
    departmentId: bank.id,
    dataset: 'BANK_DEPOSIT',
    recordId: null,
    snapshotId: null,
    asOf: '2026-11-30',
    personId: headId,
    facts: { balanceFen: 98_000_000, accountNumber: ACCOUNT },
  };
  runId = (
    await createAssessedRun(hub.prisma, {
      regionCode: regions.county.code,
      householdId: family.household.id,
      assessment: {
        classification: 'ABOVE_LINE',
        financialAssetsFen: 98_000_000n,
        flags: ['FINANCIAL_ASSETS_OVER_LIMIT'],
        findings: [{ flag: 'FINANCIAL_ASSETS_OVER_LIMIT', evidence: [evidence] }],
      },
    })
  ).id;
});

async function factsAs(token: string) {
  const answer = await hub.graphql<{
    assessments: { edges: { node: { flags: { evidence: { facts: unknown }[] }[] } }[] };
  }>(FACTS, { token, purpose: 'PERIODIC_REVIEW', variables: { runId } });
  return { facts: answer.data?.assessments.edges[0]?.node.flags[0]?.evidence[0]?.facts, errors: answer.errors };
}

describe('FlagEvidence.facts', () => {
  it('shows every value to a reader that holds the item at FULL', async () => {
    const { facts, errors } = await factsAs(officers.FULL);
    expect(errors).toBeUndefined();
    expect(facts).toEqual([
      { name: 'balanceFen', value: '98000000', withheldItem: null },
      { name: 'accountNumber', value: ACCOUNT, withheldItem: null },
    ]);
  });

  it('shows the amounts but not the words at MASKED, naming the item that withholds them', async () => {
    const { facts, errors } = await factsAs(officers.MASKED);
    expect(errors).toBeUndefined();
    expect(facts).toEqual([
      { name: 'balanceFen', value: '98000000', withheldItem: null },
      { name: 'accountNumber', value: null, withheldItem: 'BANK_DEPOSITS' },
    ]);
  });

  it.each([
    ['no agreement', 'none', 'NO_AGREEMENT'],
    ['the item only at DERIVED', 'DERIVED', 'INSUFFICIENT_ACCESS_LEVEL'],
  ] as const)('withholds them from a reader with %s, with FORBIDDEN naming the item', async (_, level, reason) => {
    const { facts, errors } = await factsAs(officers[level]);
    expect(facts).toBeNull();
    expect(errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', reason, dataItem: 'BANK_DEPOSITS' }),
    ]);
  });

  it('records the refusal about the person whose deposits they are', async () => {
    const before = await hub.prisma.auditEntry.count({ where: { subjectPersonId: headId, decision: 'DENIED' } });
    await factsAs(officers.none);
    const entries = await hub.prisma.auditEntry.findMany({ where: { subjectPersonId: headId, decision: 'DENIED' } });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ itemsDenied: ['BANK_DEPOSITS'], itemsDisclosed: [] });
  });
});
