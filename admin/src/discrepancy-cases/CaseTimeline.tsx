import { Box, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';
import { enumLabel } from '../enums.ts';

interface CaseEvent {
  id: string;
  type: string;
  occurredAt: string;
  actorName: string;
  details: string;
}

// biome-ignore lint/suspicious/noExplicitAny: one shape per event type (server/src/discrepancy-cases/discrepancy-case-event.ts)
type Details = Record<string, any>;

/** An event's details as a line a person reads: codes translated, notes as written; never an id. */
function useDetailsLine() {
  const translate = useTranslate();
  const flags = (codes: string[] | undefined) =>
    (codes ?? []).map((code) => translate(enumLabel('AssessmentFlagCode', code))).join('、');
  const decision = (d: Details) =>
    [
      translate(enumLabel('DiscrepancyCaseOutcome', d.outcome)),
      d.action ? translate(enumLabel('DiscrepancyCaseAction', d.action)) : null,
      d.dismissalReason ? translate(enumLabel('DiscrepancyDismissalReason', d.dismissalReason)) : null,
      d.note,
    ]
      .filter(Boolean)
      .join(' · ');
  return (type: string, d: Details): string => {
    switch (type) {
      case 'OPENED':
        return `${flags(d.flags)} · ${translate('hub.cases.due_on_value', { date: d.dueOn, days: d.workingDays })}`;
      case 'FLAGS_JOINED':
      case 'CLEARED_BY_RUN':
        return flags(d.flags);
      case 'ASSIGNED':
        return d.assigneeUsername ?? '';
      case 'VISIT_RECORDED':
        return `${d.visitedOn} · ${d.notes}`;
      case 'EXPLANATION_RECORDED':
        return d.explanation ?? '';
      case 'ATTACHMENT_ADDED':
        return `${d.fileName} · SHA-256 ${d.sha256}`;
      case 'DECIDED':
        return `${decision(d)} · ${translate('hub.cases.appealable_until_value', { date: d.appealableUntil })}`;
      case 'APPEAL_DECIDED':
        return decision(d);
      case 'APPEALED':
        return d.evidence ?? '';
      case 'REFERRED':
        return [
          d.departmentName,
          ((d.needs ?? []) as string[]).map((need) => translate(enumLabel('ReferralNeed', need))).join('、'),
          d.reason,
        ]
          .filter(Boolean)
          .join(' · ');
      case 'REFERRAL_ANSWERED':
        return `${translate(enumLabel('CaseReferralStatus', d.status))} · ${d.answer ?? ''}`;
      case 'REMINDED':
      case 'ESCALATED':
        return translate('hub.cases.due_on_short', { date: d.dueOn });
      default:
        return '';
    }
  };
}

/** The case's steps, oldest first: what happened (translated), who did it, and when (China Standard Time). */
export function CaseTimeline() {
  const found = useRecordContext();
  const translate = useTranslate();
  const line = useDetailsLine();
  const events: CaseEvent[] = found?.events ?? [];
  return (
    <Stack spacing={1.5} data-testid="case-timeline" component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {events.map((event) => {
        let details: Details = {};
        try {
          details = JSON.parse(event.details) as Details;
        } catch {
          // an event without readable details still shows what and who
        }
        return (
          <Box
            component="li"
            key={event.id}
            sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1.5, overflowWrap: 'anywhere' }}
          >
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
              <Chip size="small" label={translate(enumLabel('DiscrepancyCaseEventType', event.type))} />
              <Typography variant="body2" color="text.secondary">
                {formatChinaTime(event.occurredAt)} ·{' '}
                {event.actorName === 'hub' ? translate('hub.cases.actor_hub') : event.actorName}
              </Typography>
            </Stack>
            <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
              {line(event.type, details)}
            </Typography>
          </Box>
        );
      })}
    </Stack>
  );
}
