// The demo region: Yinchuan (银川市) in the Ningxia Hui Autonomous Region, with its six county-level divisions
// (GB/T 2260 codes) and real township and street names, so the data reads like a ledger from there.

import type { RegionLevel } from '../../generated/enums.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface County {
  code: string;
  name: string;
  /** Relative share of the city's registered population. */
  populationWeight: number;
  /** Share of households living in urban neighbourhoods (the rest in villages). */
  urbanShare: number;
  /** Urban neighbourhoods: street names for addresses like 北京中路123号3单元502室. */
  streets: readonly string[];
  /** Rural townships (镇/乡), each with its villages. */
  townships: readonly { name: string; villages: readonly string[] }[];
}

export const PROVINCE: RegionRow = { code: '640000', name: '宁夏回族自治区', level: 'PROVINCE', parentCode: null };
export const CITY: RegionRow = { code: '640100', name: '银川市', level: 'CITY', parentCode: '640000' };

export const COUNTIES: readonly County[] = [
  {
    code: '640104',
    name: '兴庆区',
    populationWeight: 30,
    urbanShare: 0.9,
    streets: [
      '解放西街',
      '新华东街',
      '文化东街',
      '民族北街',
      '凤凰北街',
      '玉皇阁北街',
      '中山南街',
      '清和南街',
      '丽景北街',
    ],
    townships: [
      { name: '掌政镇', villages: ['掌政村', '春林村', '碱富桥村', '洼路村', '杨家寨村'] },
      { name: '大新镇', villages: ['大新村', '新水村', '燕鸽村', '塔桥村'] },
      { name: '通贵乡', villages: ['通贵村', '河滩村', '司家桥村', '通西村'] },
      { name: '月牙湖乡', villages: ['月牙湖村', '塘南村', '滨河家园村'] },
    ],
  },
  {
    code: '640105',
    name: '西夏区',
    populationWeight: 17,
    urbanShare: 0.85,
    streets: ['北京西路', '文昌北街', '朔方路', '贺兰山西路', '怀远西路', '同心路', '宁华路'],
    townships: [
      { name: '镇北堡镇', villages: ['镇北堡村', '吴苑村', '华西村', '团结村'] },
      { name: '兴泾镇', villages: ['兴泾村', '十里铺村', '泾龙村', '四季青村'] },
    ],
  },
  {
    code: '640106',
    name: '金凤区',
    populationWeight: 20,
    urbanShare: 0.9,
    streets: ['北京中路', '正源北街', '上海西路', '宁安大街', '黄河东路', '长城中路', '亲水大街', '阅海路'],
    townships: [
      { name: '良田镇', villages: ['良田村', '和顺村', '园子村', '植物园村'] },
      { name: '丰登镇', villages: ['丰登村', '润丰村', '永丰村', '新平村'] },
    ],
  },
  {
    code: '640121',
    name: '永宁县',
    populationWeight: 12,
    urbanShare: 0.45,
    streets: ['宁和街', '正丰街', '团结路', '杨显路'],
    townships: [
      { name: '望洪镇', villages: ['东和村', '西和村', '新华村', '靖益村', '南方村'] },
      { name: '李俊镇', villages: ['李俊村', '魏团村', '许桥村', '金星村'] },
      { name: '望远镇', villages: ['望远村', '板桥村', '通桥村', '掌政村'] },
      { name: '闽宁镇', villages: ['福宁村', '木兰村', '园艺村', '原隆村'] },
      { name: '胜利乡', villages: ['胜利村', '烽火村', '永红村'] },
    ],
  },
  {
    code: '640122',
    name: '贺兰县',
    populationWeight: 11,
    urbanShare: 0.45,
    streets: ['银河西路', '富兴街', '虹桥路', '习岗街'],
    townships: [
      { name: '金贵镇', villages: ['金贵村', '汉佐村', '联星村', '通昌村'] },
      { name: '立岗镇', villages: ['立岗村', '兰光村', '通义村', '星火村'] },
      { name: '洪广镇', villages: ['洪广村', '金山村', '欣荣村', '高荣村'] },
      { name: '常信乡', villages: ['常信村', '四十里店村', '丰登村', '团结村'] },
    ],
  },
  {
    code: '640181',
    name: '灵武市',
    populationWeight: 10,
    urbanShare: 0.5,
    streets: ['灵州大街', '朔方路', '西湖路', '长城路'],
    townships: [
      { name: '崇兴镇', villages: ['崇兴村', '台子村', '龙一村', '中北村'] },
      { name: '梧桐树乡', villages: ['梧桐树村', '杨洪桥村', '沙坝头村'] },
      { name: '郝家桥镇', villages: ['郝家桥村', '胡家堡村', '崔渠口村'] },
      { name: '临河镇', villages: ['临河村', '二道沟村', '上桥村'] },
    ],
  },
];

/** Every region row of the demo, parents before children. */
export const DEMO_REGIONS: readonly RegionRow[] = [
  PROVINCE,
  CITY,
  ...COUNTIES.map(
    (county): RegionRow => ({ code: county.code, name: county.name, level: 'COUNTY', parentCode: '640100' }),
  ),
];

/**
 * Other real Ningxia codes that appear in older persons' identity numbers: Yinchuan's districts before the 2002
 * reorganisation (城区 640102, 新城区 640103, 郊区 640111) and the other prefectures people moved in from.
 */
export const HISTORIC_YINCHUAN_CODES = ['640102', '640103', '640111'] as const;
export const OTHER_NINGXIA_CODES = [
  '640202',
  '640205',
  '640221',
  '640302',
  '640381',
  '640402',
  '640422',
  '640502',
  '640521',
] as const;
