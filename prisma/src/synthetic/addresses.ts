import type { County } from './demo-region.ts';
import type { SeededRandom } from './random.ts';

const GROUP_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** 银川市金凤区北京中路123号3单元502室: a flat in an urban neighbourhood. */
export function urbanAddress(random: SeededRandom, county: County): string {
  const building = random.int(1, 480);
  const entrance = random.int(1, 6);
  const floor = random.int(1, 18);
  const flat = random.int(1, 4);
  return `银川市${county.name}${random.pick(county.streets)}${building}号${entrance}单元${floor}0${flat}室`;
}

/** 永宁县望洪镇东和村二组15号: a farmhouse in a village group (村民小组). */
export function ruralAddress(random: SeededRandom, county: County): string {
  const township = random.pick(county.townships);
  const village = random.pick(township.villages);
  return `${county.name}${township.name}${village}${random.pick(GROUP_NUMERALS)}组${random.int(1, 120)}号`;
}

/** A shop front for a commercial property or a sole trader's premises. */
export function shopAddress(random: SeededRandom, county: County): string {
  return `银川市${county.name}${random.pick(county.streets)}${random.int(1, 480)}号商铺${random.int(101, 112)}`;
}
