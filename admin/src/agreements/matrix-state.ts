/** The field matrix of an agreement: the catalogue's items as rows, an access level (or none) for each. */

export type AccessLevel = 'FULL' | 'MASKED' | 'DERIVED';

export interface CatalogueItem {
  code: string;
  nameZh: string;
  nameEn: string;
  dataset: string | null;
  providerKind: string;
  sensitivity: string;
  consentRequired: boolean;
  derivable: boolean;
}

export interface AgreementItemInput {
  dataItemCode: string;
  accessLevel: AccessLevel;
}

export interface MatrixGroup {
  /** The provider's dataset the items come from; null for items computed across datasets. */
  dataset: string | null;
  items: CatalogueItem[];
}

/** The rows a provider of this kind can grant, grouped by its datasets in catalogue order. */
export function matrixGroups(catalogue: CatalogueItem[], providerKind: string | undefined): MatrixGroup[] {
  const groups = new Map<string | null, CatalogueItem[]>();
  for (const item of catalogue) {
    if (providerKind && item.providerKind !== providerKind) continue;
    const group = groups.get(item.dataset) ?? [];
    group.push(item);
    groups.set(item.dataset, group);
  }
  return [...groups].map(([dataset, items]) => ({ dataset, items }));
}

/** The levels an item can be granted at: DERIVED only where the catalogue computes a fact from it. */
export function levelsFor(item: CatalogueItem): AccessLevel[] {
  return item.derivable ? ['FULL', 'MASKED', 'DERIVED'] : ['FULL', 'MASKED'];
}

export function levelOf(items: AgreementItemInput[], code: string): AccessLevel | null {
  return items.find((item) => item.dataItemCode === code)?.accessLevel ?? null;
}

/** The agreement's items with `codes` set to `level`, or removed for none; every other item as it was. */
export function withLevel(
  items: AgreementItemInput[],
  codes: string[],
  level: AccessLevel | null,
): AgreementItemInput[] {
  const changing = new Set(codes);
  const kept = items.filter((item) => !changing.has(item.dataItemCode));
  if (level === null) return kept;
  return [...kept, ...codes.map((code) => ({ dataItemCode: code, accessLevel: level }))];
}

/** Sets a whole group at once; an item that cannot take the level (DERIVED of a non-derivable one) is left as it was. */
export function withGroupLevel(
  items: AgreementItemInput[],
  group: MatrixGroup,
  level: AccessLevel | null,
): AgreementItemInput[] {
  const codes = group.items.filter((item) => level === null || levelsFor(item).includes(level)).map((i) => i.code);
  return withLevel(items, codes, level);
}

/** Items no longer offered by the chosen provider's kind: they would be refused, so the form drops them. */
export function withoutForeignItems(items: AgreementItemInput[], groups: MatrixGroup[]): AgreementItemInput[] {
  const offered = new Set(groups.flatMap((group) => group.items.map((item) => item.code)));
  return items.filter((item) => offered.has(item.dataItemCode));
}
