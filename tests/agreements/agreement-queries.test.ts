import { serviceDay } from '@hub/schema/calendar/service-day';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, createAgreementParties } from '../factories/agreements.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const CREATE = 'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }';
const AGREEMENT = `query ($id: ID!) { sharingAgreement(id: $id) {
  code status effectiveStatus validUntil provider { id } consumer { id }
  items { dataItemCode accessLevel dataItem { code providerKind consentRequired derivable nameZh } }
} }`;

let parties: Awaited<ReturnType<typeof createAgreementParties>>;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  parties = await createAgreementParties(hub.prisma, hub, region.code);
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysFrom = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);

async function activeAgreement(overrides: Record<string, unknown> = {}): Promise<string> {
  const answer = await hub.graphql<{ createSharingAgreement: { id: string } }>(CREATE, {
    variables: { input: agreementInput(parties, overrides) },
    token: parties.tokens.author,
  });
  const id = answer.data?.createSharingAgreement.id as string;
  for (const action of ['submit', 'approve']) {
    const step = await hub.graphql(`mutation ($id: ID!) { ${action}SharingAgreement(id: $id) { id } }`, {
      variables: { id },
      token: parties.tokens.approver,
    });
    if (step.errors) throw new Error(JSON.stringify(step.errors));
  }
  return id;
}

describe('sharingAgreement', () => {
  it('is ACTIVE through its last valid day and EXPIRED the day after (Asia/Shanghai service days)', async () => {
    const today = serviceDay();
    const endsToday = await activeAgreement({ validFrom: isoDay(daysFrom(today, -30)), validUntil: isoDay(today) });
    const endedYesterday = await activeAgreement({
      validFrom: isoDay(daysFrom(today, -30)),
      validUntil: isoDay(daysFrom(today, -1)),
    });
    const lastDay = await hub.graphql(AGREEMENT, { variables: { id: endsToday }, token: parties.tokens.officer });
    expect(lastDay.data?.sharingAgreement).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'ACTIVE' });
    const dayAfter = await hub.graphql(AGREEMENT, { variables: { id: endedYesterday }, token: parties.tokens.officer });
    expect(dayAfter.data?.sharingAgreement).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'EXPIRED' });
  });

  it('shows a lapsed SUSPENDED agreement as EXPIRED and a lapsed DRAFT as DRAFT', async () => {
    const yesterday = isoDay(daysFrom(serviceDay(), -1));
    const suspended = await activeAgreement({ validFrom: '2020-01-01', validUntil: yesterday });
    await hub.graphql('mutation ($id: ID!) { suspendSharingAgreement(id: $id, reason: "审计") { id } }', {
      variables: { id: suspended },
      token: parties.tokens.approver,
    });
    const draft = await hub.graphql<{ createSharingAgreement: { id: string } }>(CREATE, {
      variables: { input: agreementInput(parties, { validFrom: '2020-01-01', validUntil: yesterday }) },
      token: parties.tokens.author,
    });
    const read = async (id: string) =>
      (
        await hub.graphql<{ sharingAgreement: { effectiveStatus: string } }>(AGREEMENT, {
          variables: { id },
          token: parties.tokens.auditor,
        })
      ).data?.sharingAgreement.effectiveStatus;
    expect(await read(suspended)).toBe('EXPIRED');
    expect(await read(draft.data?.createSharingAgreement.id as string)).toBe('DRAFT');
  });

  it('shows its items with their catalogue entries', async () => {
    const id = await activeAgreement();
    const answer = await hub.graphql(AGREEMENT, { variables: { id }, token: parties.tokens.author });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.sharingAgreement).toMatchObject({
      provider: { id: parties.provider.id },
      consumer: { id: parties.consumer.id },
      items: [
        {
          dataItemCode: 'HUKOU',
          accessLevel: 'MASKED',
          dataItem: { code: 'HUKOU', providerKind: 'PUBLIC_SECURITY', consentRequired: false, nameZh: '户籍信息' },
        },
        { dataItemCode: 'VEHICLES', accessLevel: 'DERIVED', dataItem: { consentRequired: true, derivable: true } },
      ],
    });
  });

  it('is null for an unknown id, and refused to API clients and anonymous callers', async () => {
    const unknown = await hub.graphql(AGREEMENT, {
      variables: { id: '00000000-0000-0000-0000-000000000000' },
      token: parties.tokens.officer,
    });
    expect(unknown).toMatchObject({ data: { sharingAgreement: null } });
    expect(unknown.errors).toBeUndefined();
    const id = await activeAgreement();
    const anonymous = await hub.graphql(AGREEMENT, { variables: { id } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('sharingAgreements', () => {
  const LIST = `query ($filter: SharingAgreementFilter, $first: Int, $after: String) {
    sharingAgreements(filter: $filter, first: $first, after: $after) {
      totalCount edges { node { id effectiveStatus } } pageInfo { hasNextPage endCursor }
    }
  }`;
  type Page = {
    sharingAgreements: {
      totalCount: number;
      edges: { node: { id: string; effectiveStatus: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  it('pages through a filtered list, newest first, with the total count', async () => {
    const purpose = 'EDUCATION_ASSISTANCE';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await activeAgreement({ purposes: [purpose, 'HOUSING_SUBSIDY'] }));
    const filter = { purpose, consumerDepartmentId: parties.consumer.id };
    const first = await hub.graphql<Page>(LIST, { variables: { filter, first: 2 }, token: parties.tokens.officer });
    expect(first.errors).toBeUndefined();
    expect(first.data?.sharingAgreements.totalCount).toBe(3);
    expect(first.data?.sharingAgreements.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.data?.sharingAgreements.pageInfo.hasNextPage).toBe(true);
    const after = first.data?.sharingAgreements.pageInfo.endCursor;
    const second = await hub.graphql<Page>(LIST, {
      variables: { filter, first: 2, after },
      token: parties.tokens.officer,
    });
    expect(second.data?.sharingAgreements.edges.map((edge) => edge.node.id)).toEqual([ids[0]]);
  });

  it('filters by effective status, so a lapsed ACTIVE agreement is listed as EXPIRED', async () => {
    const lapsed = await activeAgreement({ validFrom: '2020-01-01', validUntil: '2020-12-31' });
    const expired = await hub.graphql<Page>(LIST, {
      variables: { filter: { status: 'EXPIRED' } },
      token: parties.tokens.auditor,
    });
    expect(expired.data?.sharingAgreements.edges.map((edge) => edge.node)).toContainEqual({
      id: lapsed,
      effectiveStatus: 'EXPIRED',
    });
    const active = await hub.graphql<Page>(LIST, {
      variables: { filter: { status: 'ACTIVE' } },
      token: parties.tokens.auditor,
    });
    const activeIds = active.data?.sharingAgreements.edges.map((edge) => edge.node.id);
    expect(activeIds).not.toContain(lapsed);
    expect(active.data?.sharingAgreements.edges.every((edge) => edge.node.effectiveStatus === 'ACTIVE')).toBe(true);
  });

  it('filters by provider', async () => {
    const answer = await hub.graphql<Page>(LIST, {
      variables: { filter: { providerDepartmentId: parties.consumer.id } },
      token: parties.tokens.officer,
    });
    expect(answer.data?.sharingAgreements.totalCount).toBe(0);
  });
});

describe('dataItems', () => {
  it('lists the catalogue to any authenticated caller', async () => {
    const answer = await hub.graphql<{ dataItems: { code: string; sensitivity: string; dataset: string | null }[] }>(
      '{ dataItems { code providerKind dataset sensitivity consentRequired derivable nameZh nameEn } }',
      { token: parties.tokens.auditor },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dataItems).toContainEqual(
      expect.objectContaining({
        code: 'BANK_DEPOSITS',
        dataset: 'BANK_DEPOSIT',
        sensitivity: 'HIGH',
        consentRequired: true,
      }),
    );
    expect((await hub.graphql('{ dataItems { code } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
