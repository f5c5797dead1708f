import type { PrismaClient, Purpose } from '@hub/prisma';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { findDataItem } from '@hub/schema/catalogue';
import type { AccessDecider, DisclosureLog, DisclosureSubject, ItemAccess, Viewer } from '@hub/schema/context';
import { FACT_LEVELS, RECORD_LEVELS } from '@hub/schema/disclosure/access-levels';
import { forbiddenError } from '@hub/schema/errors';
import DataLoader from 'dataloader';
import { findCoveringConsents } from '../consents/find-covering-consents.ts';
import type { AgreementGrants, Grant } from './agreement-grants.ts';
import { caseReferralRecipient } from './case-referral-recipient.ts';
import { createReach } from './create-reach.ts';
import { discrepancyCaseOffices } from './discrepancy-case-reach.ts';
import type { GrantCache } from './grant-cache.ts';
import { refuseRegionFilter } from './refuse-region-filter.ts';
import { refuseWithoutAgreement, requirePurpose } from './require-agreement.ts';
import { reserveDailyQuery } from './reserve-daily-query.ts';
import { viewerPermissions } from './viewer-permissions.ts';

/**
 * One request's access door: reach (create-reach.ts) and the permission engine. A department sees its own records
 * in full; anything else comes from the union of its active agreements for the declared purpose today, and
 * consent-bound items also need the subject's authorisation. Decisions are memoised per request: every field after
 * the first is a map lookup.
 */
export function createAccessDecider(options: {
  prisma: PrismaClient;
  grants: GrantCache;
  viewer: Viewer | null;
  purpose: Purpose | null;
  declaredPurpose: string | null;
  /** Where the door's own refusals (a lookup without an agreement, a refused filter) are recorded for the audit. */
  disclosures?: DisclosureLog;
  now?: Date;
}): AccessDecider {
  const { prisma, viewer, purpose } = options;
  const day = serviceDay(options.now);
  let grants: Promise<AgreementGrants> | undefined;
  const loadGrants = () => {
    if (!viewer || !purpose) throw new Error('the request has no department or purpose');
    grants ??= options.grants.grantsFor({ departmentId: viewer.departmentId, purpose, day });
    return grants;
  };
  const consents = new DataLoader<string, boolean>(async (personIds) => {
    if (!viewer || !purpose) return personIds.map(() => false);
    const covered = await findCoveringConsents(prisma, personIds, { departmentId: viewer.departmentId, purpose, day });
    return personIds.map((id) => covered.has(id));
  });
  const quota = new Map<string, Promise<boolean>>();
  const usable = (grant: Grant) => {
    if (grant.dailyQueryQuota === null) return Promise.resolve(true);
    let reserved = quota.get(grant.agreementId);
    if (!reserved) {
      reserved = reserveDailyQuery(
        prisma,
        { agreementId: grant.agreementId, dailyQueryQuota: grant.dailyQueryQuota },
        day,
      );
      quota.set(grant.agreementId, reserved);
    }
    return reserved;
  };
  const decisions = new Map<string, Promise<ItemAccess>>();
  // Reach is the department's, whatever the purpose: a request that declares none (the portal's dashboard) has it too.
  const reach = createReach(
    prisma,
    viewer
      ? async () =>
          purpose
            ? (await loadGrants()).department
            : prisma.department.findUniqueOrThrow({
                where: { id: viewer.departmentId },
                select: { kind: true, regionCode: true },
              })
      : null,
  );

  async function agreementAccess(itemCode: string, provider: string | null): Promise<ItemAccess> {
    const all = (await loadGrants()).byItem.get(itemCode) ?? [];
    const candidates = provider === null ? all : all.filter((grant) => grant.providerDepartmentId === provider);
    let exhausted = false;
    for (const grant of candidates) {
      if (await usable(grant)) return { level: grant.level, agreementIds: [grant.agreementId] };
      exhausted = true;
    }
    return { level: null, reason: exhausted ? 'QUOTA_EXCEEDED' : 'NO_AGREEMENT' };
  }

  // A department sees its own records in full. For a list or a fact (no single provider), being a provider of
  // the item only admits its own records: the list and the fact are then narrowed provider by provider.
  async function isOwn(itemCode: string, provider: string | null): Promise<boolean> {
    const item = findDataItem(itemCode);
    if (!item || !viewer) return false;
    if (provider !== null && item.dataset !== null) return provider === viewer.departmentId;
    return (await loadGrants()).department.kind === item.providerKind;
  }

  async function decideUncached(
    itemCode: string,
    subject: DisclosureSubject,
    provider: string | null,
  ): Promise<ItemAccess> {
    const item = findDataItem(itemCode);
    if (!item) return { level: null, reason: 'NO_AGREEMENT' };
    if (await isOwn(itemCode, provider)) return { level: 'FULL', agreementIds: [] };
    const access = await agreementAccess(itemCode, item.dataset === null ? null : provider);
    if (access.level === null || !item.consentRequired) return access;
    const covered = subject.subjectPersonId !== null && (await consents.load(subject.subjectPersonId));
    return covered ? access : { level: null, reason: 'CONSENT_REQUIRED' };
  }

  function decide(itemCode: string, subject: DisclosureSubject, provider: string | null): Promise<ItemAccess> {
    if (!viewer || !purpose) return Promise.resolve({ level: null, reason: 'NO_AGREEMENT' });
    const key = `${itemCode}|${subject.subjectPersonId ?? ''}|${subject.subjectHouseholdId ?? ''}|${provider ?? ''}`;
    let decision = decisions.get(key);
    if (!decision) {
      decision = decideUncached(itemCode, subject, provider);
      decisions.set(key, decision);
    }
    return decision;
  }

  let caseOffices: Promise<ReadonlySet<string>> | undefined;

  return {
    discrepancyCaseOffices() {
      caseOffices ??= discrepancyCaseOffices(prisma, viewer);
      return caseOffices;
    },

    async requireReach(itemCode, subject) {
      if (!viewer) throw forbiddenError();
      requirePurpose(purpose, options.declaredPurpose);
      const { department, byItem } = await loadGrants();
      await refuseWithoutAgreement({
        department,
        byItem,
        purpose,
        itemCode,
        subject,
        disclosures: options.disclosures,
      });
    },

    ...reach,

    async regionFilter(regionCode, of) {
      return refuseRegionFilter(prisma, { regionCode, of, decide, reach, disclosures: options.disclosures });
    },

    async providersFor(itemCode, need, subject) {
      const item = findDataItem(itemCode);
      if (!item || !viewer || !purpose) return [];
      if (item.dataset === null) return 'ANY';
      const { department, byItem } = await loadGrants();
      const candidates = new Set<string>();
      if (department.kind === item.providerKind) candidates.add(department.id);
      for (const grant of byItem.get(itemCode) ?? []) {
        if (need === 'FACT' || RECORD_LEVELS.includes(grant.level)) candidates.add(grant.providerDepartmentId);
      }
      if (!subject) return [...candidates];
      const levels = need === 'FACT' ? FACT_LEVELS : RECORD_LEVELS;
      const permitted: string[] = [];
      for (const provider of candidates) {
        const access = await decide(itemCode, subject, provider);
        if (access.level && levels.includes(access.level)) permitted.push(provider);
      }
      return permitted;
    },

    caseReferralRecipient: () =>
      caseReferralRecipient({
        viewer,
        purpose,
        declaredPurpose: options.declaredPurpose,
        decide: (itemCode) => decide(itemCode, { subjectPersonId: null, subjectHouseholdId: null }, null),
        disclosures: options.disclosures,
      }),

    viewerPermissions: () => viewerPermissions(prisma, viewer, day),

    decide,
  };
}
