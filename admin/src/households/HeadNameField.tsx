import { useRecordContext } from 'react-admin';

interface Member {
  name: string | null;
  relation: string | null;
}

/** The head of a household's name as the viewer may see it (masked by the agreement, 张*); the first member's else. */
export function householdHeadName(household: { members?: Member[] | null } | undefined): string {
  const members = household?.members ?? [];
  const head = members.find((member) => member.relation === 'HEAD') ?? members[0];
  return head?.name ?? '—';
}

export function HeadNameField(_props: { label: string }) {
  const household = useRecordContext<{ id: string; members?: Member[] | null }>();
  return <span style={{ whiteSpace: 'nowrap' }}>{householdHeadName(household)}</span>;
}
