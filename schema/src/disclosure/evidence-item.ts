import { DATA_ITEMS } from '../catalogue.ts';

// The declared costs of an application and the staff roster behind a staff-relative flag have no dataset item of
// their own: they are disclosed as the items they belong to.
const OWN_ITEMS: Record<string, string> = {
  APPLICATION: 'ASSISTANCE_APPLICATIONS',
  STAFF_ROSTER: 'STAFF_RELATIVES',
};

/** The data item a piece of comparison evidence discloses, by the dataset it came from. */
export function evidenceItem(dataset: string): string {
  return OWN_ITEMS[dataset] ?? DATA_ITEMS.find((item) => item.dataset === dataset)?.code ?? dataset;
}
