import { SHANGRAO_2017 } from './fixtures/shangrao-2017.ts';
import { YINCHUAN_2021 } from './fixtures/yinchuan-2021.ts';
import type { PolicyFixture } from './policy-fixture.ts';

/** The regional policies the hub ships, built from the policy texts. */
export const POLICY_FIXTURES: Record<string, PolicyFixture> = {
  [YINCHUAN_2021.name]: YINCHUAN_2021,
  [SHANGRAO_2017.name]: SHANGRAO_2017,
};
