import { beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, createAgreementParties } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const CREATE = 'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }';
const DELETE = 'mutation ($id: ID!) { deleteSharingAgreement(id: $id) { id code status items { dataItemCode } } }';

let parties: Awaited<ReturnType<typeof createAgreementParties>>;
let partnerToken: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  parties = await createAgreementParties(hub.prisma, hub, region.code);
  partnerToken = await createPartnerToken(hub.prisma, parties.consumer.id);
});

async function draft(): Promise<string> {
  const answer = await hub.graphql<{ createSharingAgreement: { id: string } }>(CREATE, {
    token: parties.tokens.author,
    variables: { input: agreementInput(parties) },
  });
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.createSharingAgreement.id;
}

const remove = (id: string, token = parties.tokens.author) => hub.graphql(DELETE, { token, variables: { id } });
const stillThere = async (id: string) => (await hub.prisma.sharingAgreement.count({ where: { id } })) === 1;

describe('deleteSharingAgreement', () => {
  it('deletes its author’s draft with its items and answers with it as it was', async () => {
    const id = await draft();
    const answer = await remove(id);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ deleteSharingAgreement: { id, status: 'DRAFT' } });
    expect(await stillThere(id)).toBe(false);
    expect(await hub.prisma.sharingAgreementItem.count({ where: { agreementId: id } })).toBe(0);
  });

  it('refuses an agreement once submitted with CONFLICT/INVALID_TRANSITION and keeps it', async () => {
    const id = await draft();
    await hub.graphql('mutation ($id: ID!) { submitSharingAgreement(id: $id) { id } }', {
      token: parties.tokens.author,
      variables: { id },
    });
    const answer = await remove(id);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'cannot delete a sharing agreement that is PENDING_APPROVAL: only one that is DRAFT can be',
      extensions: { code: 'CONFLICT', reason: 'INVALID_TRANSITION', status: 'PENDING_APPROVAL' },
    });
    expect(await stillThere(id)).toBe(true);
  });

  it("refuses another administrator's draft with FORBIDDEN and keeps it", async () => {
    const id = await draft();
    const answer = await remove(id, parties.tokens.approver);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.errors?.[0]?.message).toMatch(/only its author/);
    expect(await stillThere(id)).toBe(true);
  });

  it.each(['officer', 'auditor'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const id = await draft();
    expect((await remove(id, parties.tokens[who])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stillThere(id)).toBe(true);
  });

  it('is refused to a partner API client with FORBIDDEN', async () => {
    const id = await draft();
    expect((await remove(id, partnerToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stillThere(id)).toBe(true);
  });

  it('answers NOT_FOUND for an id no agreement has', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await remove(id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
