import { Link, useGetOne } from 'react-admin';

/** An agreement named by its number (XY-2026-0003), linking to it: the trail keeps its id, which no one reads. */
export function AgreementCodeLink({ id }: { id: string }) {
  const { data } = useGetOne('SharingAgreement', { id });
  return <Link to={`/SharingAgreement/${encodeURIComponent(id)}/show`}>{data?.code ?? '…'}</Link>;
}
