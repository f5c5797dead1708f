import { describe, expect, it } from 'vitest';
import {
  type CatalogueItem,
  levelOf,
  levelsFor,
  matrixGroups,
  withGroupLevel,
  withLevel,
  withoutForeignItems,
} from './matrix-state.ts';

const item = (code: string, providerKind: string, dataset: string | null, derivable = true): CatalogueItem => ({
  code,
  nameZh: code,
  nameEn: code,
  dataset,
  providerKind,
  sensitivity: 'MEDIUM',
  consentRequired: false,
  derivable,
});

const CATALOGUE = [
  item('HUKOU', 'PUBLIC_SECURITY', 'HUKOU'),
  item('VEHICLES', 'PUBLIC_SECURITY', 'VEHICLE'),
  item('VEHICLE_VALUE', 'PUBLIC_SECURITY', 'VEHICLE', false),
  item('REAL_ESTATE', 'HOUSING', 'REAL_ESTATE'),
];

describe('the agreement’s field matrix', () => {
  it('shows the provider’s data items as rows, grouped by its datasets in catalogue order', () => {
    expect(matrixGroups(CATALOGUE, 'PUBLIC_SECURITY')).toEqual([
      { dataset: 'HUKOU', items: [CATALOGUE[0]] },
      { dataset: 'VEHICLE', items: [CATALOGUE[1], CATALOGUE[2]] },
    ]);
    expect(matrixGroups(CATALOGUE, 'TAX')).toEqual([]);
  });

  it('offers DERIVED only for items the catalogue computes a fact from', () => {
    expect(levelsFor(CATALOGUE[1] as CatalogueItem)).toEqual(['FULL', 'MASKED', 'DERIVED']);
    expect(levelsFor(CATALOGUE[2] as CatalogueItem)).toEqual(['FULL', 'MASKED']);
  });

  it('turns each level change into the agreement’s items input, and none removes the item', () => {
    let items = withLevel([], ['HUKOU'], 'FULL');
    expect(items).toEqual([{ dataItemCode: 'HUKOU', accessLevel: 'FULL' }]);
    items = withLevel(items, ['VEHICLES'], 'DERIVED');
    items = withLevel(items, ['HUKOU'], 'MASKED');
    expect(levelOf(items, 'HUKOU')).toBe('MASKED');
    expect(items).toHaveLength(2);
    items = withLevel(items, ['VEHICLES'], null);
    expect(items).toEqual([{ dataItemCode: 'HUKOU', accessLevel: 'MASKED' }]);
    expect(levelOf(items, 'VEHICLES')).toBeNull();
  });

  it('sets a whole dataset at once, leaving an item that cannot take the level as it was', () => {
    const [, vehicles] = matrixGroups(CATALOGUE, 'PUBLIC_SECURITY');
    if (!vehicles) throw new Error('no vehicle group');
    const items = withGroupLevel([{ dataItemCode: 'VEHICLE_VALUE', accessLevel: 'FULL' }], vehicles, 'DERIVED');
    expect(items).toEqual([
      { dataItemCode: 'VEHICLE_VALUE', accessLevel: 'FULL' },
      { dataItemCode: 'VEHICLES', accessLevel: 'DERIVED' },
    ]);
    expect(withGroupLevel(items, vehicles, null)).toEqual([]);
  });

  it('drops items the newly chosen provider does not share', () => {
    const items = [
      { dataItemCode: 'HUKOU', accessLevel: 'FULL' as const },
      { dataItemCode: 'REAL_ESTATE', accessLevel: 'MASKED' as const },
    ];
    expect(withoutForeignItems(items, matrixGroups(CATALOGUE, 'HOUSING'))).toEqual([items[1]]);
  });
});
