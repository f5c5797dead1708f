import { isWithheld } from '../access/withhold-report-items.ts';

// The facts a finding's evidence keeps, as a Chinese reader reads them: each key a word, money in yuan, codes as
// labels. A key or value the hub does not know is shown as stored rather than hidden.

const FACT_NAMES: Record<string, string> = {
  cancelledOn: '注销日期',
  cancellationReason: '注销原因',
  diedOn: '死亡日期',
  funeralHome: '殡仪馆',
  monthlyWageFen: '月工资',
  employerName: '工作单位',
  monthlyAmountFen: '月金额',
  pensionType: '养老金类型',
  endsOn: '截止日期',
  monthlyIncomeFen: '月经营收入',
  enterpriseName: '企业名称',
  monthlyContributionFen: '公积金月缴存额',
  contributionRate: '缴存比例（单方）',
  impliedWageFen: '推算月工资',
  balanceFen: '余额',
  depositType: '存款类型',
  marketValueFen: '市值',
  productName: '产品名称',
  vehicleType: '车辆类型',
  estimatedValueFen: '估值',
  plateNumber: '号牌',
  use: '用途',
  areaM2: '面积（平方米）',
  address: '地址',
  role: '身份',
  creditCode: '统一社会信用代码',
  position: '职务',
  hukouNumber: '户号',
  accountNumber: '账号',
  spouseName: '配偶',
  registeredOn: '登记日期',
  kin: '亲属关系',
  staffRelation: '经办人员与户主关系',
  memberRelation: '成员与户主关系',
  registerHouseholdId: '救助档案家庭',
  missing: '缺少',
};

const VALUES: Record<string, string> = {
  DEATH: '死亡',
  MIGRATION: '迁出',
  MILITARY_SERVICE: '服兵役',
  OTHER: '其他',
  DEMAND: '活期',
  TIME: '定期',
  PASSENGER_CAR: '乘用车',
  TRUCK: '货车',
  MOTORCYCLE: '摩托车',
  DISABILITY_VEHICLE: '残疾人专用车',
  RESIDENTIAL: '住宅',
  COMMERCIAL: '商业',
  OFFICE: '办公',
  INDUSTRIAL: '工业',
  PARKING: '车位',
  ENTERPRISE_EMPLOYEE: '企业职工',
  PUBLIC_INSTITUTION: '机关事业单位',
  URBAN_RURAL_RESIDENT: '城乡居民',
  SOLE_TRADER: '个体工商户',
  LEGAL_REPRESENTATIVE: '法定代表人',
  MANAGER: '高管',
  CONTROLLING_SHAREHOLDER: '控股股东',
  SELF: '本人',
  SAME_HUKOU_BOOKLET: '与经办人员同一户口簿',
  SPOUSE_HUKOU_BOOKLET: '与经办人员的配偶同一户口簿',
  SPOUSE_OF_HUKOU_BOOKLET_MEMBER: '经办人员同户口簿成员的配偶',
  HEAD: '户主',
  SPOUSE: '配偶',
  PARENT: '父母',
  PARENT_IN_LAW: '岳父母/公婆',
  SIBLING: '兄弟姐妹',
  SIBLING_IN_LAW: '配偶的兄弟姐妹',
  CHILD: '子女',
  CHILD_IN_LAW: '儿媳/女婿',
  GRANDPARENT: '祖父母/外祖父母',
  GRANDCHILD: '孙子女/外孙子女',
  UNCLE_OR_AUNT: '伯叔姑舅姨',
  NO_CURRENT_SNAPSHOT: '该数据集没有当前数据',
  NO_BANK_DELIVERY: '该银行没有当前数据',
  NO_HUKOU_RECORD: '无户籍记录',
  NOT_READ_WITHOUT_AUTHORISATION: '未经授权，未读取',
  // The words results assessed before these codes kept.
  'no CURRENT snapshot': '该数据集没有当前数据',
  'no CURRENT snapshot from this bank': '该银行没有当前数据',
  'no hukou record': '无户籍记录',
  'not read without authorisation': '未经授权，未读取',
};

/** Integer fen as yuan, exactly: ¥1065.01. */
function yuan(fen: unknown): string {
  const text = String(fen);
  if (!/^-?\d+$/.test(text)) return text;
  const value = BigInt(text);
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}¥${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

export const factName = (key: string) => FACT_NAMES[key] ?? key;

/** A fact's value as text: yuan for a *Fen key, a label for a code; a withheld value is left to the caller. */
export function factValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (isWithheld(value)) return '';
  if (key.endsWith('Fen')) return yuan(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'contributionRate') return `${Number((Number(value) * 100).toFixed(4))}%`;
  return VALUES[String(value)] ?? String(value);
}

const CONNECTOR_FAILURES: Record<string, string> = {
  TIMEOUT: '超时',
  NETWORK: '网络不通',
  SERVER_ERROR: '对方服务错误',
  RATE_LIMITED: '被限流',
  REFUSED: '被拒绝（凭据或权限）',
  MALFORMED_ANSWER: '答复格式错误',
  CIRCUIT_OPEN: '已熔断',
  NOT_IN_ANSWER: '答复中缺少部分人员',
  CREDENTIAL_UNREADABLE: '凭据无法解密',
  OTHER: '其他故障',
};

/** Why a live query fell back on the bulk snapshot, in Chinese: "超时：3 人中 2 人未获答复". */
export function fallbackReason(reason: string): string {
  const parts = /^(.*) for (\d+) of (\d+) members(; no CURRENT snapshot to fall back on)?$/.exec(reason);
  if (!parts) return reason;
  const failures = (parts[1] ?? '')
    .split(', ')
    .map((code) => CONNECTOR_FAILURES[code] ?? code)
    .join('、');
  return `${failures}：${parts[3]} 人中 ${parts[2]} 人未获答复${parts[4] ? '；且没有可改用的批量数据' : ''}`;
}
