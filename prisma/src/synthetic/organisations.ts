import type { County } from './demo-region.ts';
import type { SeededRandom } from './random.ts';

// Employers, enterprises and sole traders carry a unified social credit code (统一社会信用代码, GB 32100):
// authority 9 (market regulation), type 1 (enterprise) or 2 (sole trader), the region, nine characters of
// organisation code and a check character, computed here as the standard prescribes.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return CHARSET[(31 - (sum % 31)) % 31] as string;
}

export function creditCode(random: SeededRandom, regionCode: string, soleTrader: boolean): string {
  let organisation = '';
  for (let i = 0; i < 9; i++) organisation += CHARSET[random.int(0, 30)];
  const first17 = `9${soleTrader ? '2' : '1'}${regionCode}${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface Employer {
  name: string;
  code: string;
}

const EMPLOYER_NAMES = [
  '宁夏宝丰能源集团股份有限公司',
  '国家能源集团宁夏煤业有限责任公司',
  '宁夏回族自治区人民医院',
  '银川市第一人民医院',
  '宁夏医科大学总医院',
  '中国移动通信集团宁夏有限公司',
  '国网宁夏电力有限公司银川供电公司',
  '宁夏伊利乳业有限责任公司',
  '银川新华百货商业集团股份有限公司',
  '宁夏建设投资集团有限公司',
  '银川市公共交通有限公司',
  '宁夏大学',
  '银川市第二中学',
  '银川市兴庆区第三小学',
  '宁夏红枸杞产业有限公司',
  '宁夏共享集团股份有限公司',
  '银川中铁水务集团有限公司',
  '宁夏小牛自动化设备股份有限公司',
  '银川隆基硅材料有限公司',
  '宁夏物业服务有限公司',
  '银川市金凤区环境卫生服务中心',
  '宁夏顺丰速运有限公司',
  '银川万达广场商业管理有限公司',
  '宁夏东方钽业股份有限公司',
  '宁夏农垦贺兰山农牧场',
  '永宁县闽宁镇扶贫车间',
  '贺兰县德胜工业园区管委会',
  '灵武市宁东能源化工基地管委会',
];

const STAFF_EMPLOYERS = ['银川市民政局', '银川市兴庆区民政局', '银川市金凤区民政局', '永宁县民政局', '贺兰县民政局'];

/** The city's employers, with credit codes drawn once per seed. */
export function drawEmployers(random: SeededRandom): { employers: Employer[]; civilAffairs: Employer[] } {
  const employers = EMPLOYER_NAMES.map((name) => ({ name, code: creditCode(random, '640100', false) }));
  const civilAffairs = STAFF_EMPLOYERS.map((name) => ({ name, code: creditCode(random, '640100', false) }));
  return { employers, civilAffairs };
}

/** The village committee of a rural household's village: where village cadres are paid from. */
export function villageCommittee(random: SeededRandom, county: County, address: string): Employer {
  const township = county.townships.find((candidate) => address.includes(candidate.name));
  const village = township?.villages.find((candidate) => address.includes(candidate)) ?? '村';
  return {
    name: `${county.name}${township?.name ?? ''}${village}村民委员会`,
    code: creditCode(random, county.code, false),
  };
}

const TRADES = [
  '牛肉面馆',
  '清真餐厅',
  '便利店',
  '五金店',
  '理发店',
  '农资店',
  '汽车修理部',
  '服装店',
  '水果店',
  '枸杞商行',
];
const COMPANY_TRADES = ['商贸', '建筑工程', '物流', '农业科技', '餐饮管理', '装饰工程', '枸杞科技', '牛羊养殖'];

export function soleTraderName(random: SeededRandom, county: County, ownerName: string): string {
  return `${county.name}${ownerName}${random.pick(TRADES)}`;
}

export function companyName(random: SeededRandom, ownerName: string): string {
  const brand = `${ownerName.slice(-1)}${random.pick(['恒', '鑫', '盛', '源', '达', '兴', '丰', '泰'])}`;
  return `宁夏${brand}${random.pick(COMPANY_TRADES)}有限公司`;
}
