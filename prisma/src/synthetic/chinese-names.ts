import { type SeededRandom, WeightedTable } from './random.ts';

// Surname weights follow national frequency, with Ningxia's shifts: 马 is among the commonest names of the Hui,
// and 丁 海 白 纳 金 and 田 are more frequent there than nationally.
const SURNAMES = new WeightedTable<string>([
  ['王', 72],
  ['李', 70],
  ['张', 68],
  ['马', 60],
  ['刘', 55],
  ['杨', 45],
  ['陈', 35],
  ['赵', 25],
  ['黄', 15],
  ['周', 15],
  ['吴', 14],
  ['徐', 13],
  ['孙', 13],
  ['胡', 12],
  ['朱', 11],
  ['高', 11],
  ['郭', 10],
  ['何', 9],
  ['罗', 8],
  ['田', 10],
  ['丁', 10],
  ['金', 7],
  ['白', 7],
  ['海', 5],
  ['纳', 3],
  ['冯', 6],
  ['郑', 6],
  ['梁', 6],
  ['韩', 6],
  ['唐', 5],
  ['许', 5],
  ['于', 5],
  ['苏', 5],
  ['蒋', 4],
  ['魏', 5],
  ['贾', 4],
  ['冶', 2],
  ['锁', 1],
  ['穆', 2],
  ['哈', 1],
]);

// Given names follow the fashions of their birth years, which is what makes a list of names read as real.
const ERAS = [
  {
    bornBefore: 1966,
    male: ['建国', '建军', '国华', '志刚', '振华', '德明', '永福', '占祥', '学武', '文明', '有才', '福'],
    female: ['秀英', '桂兰', '玉兰', '凤英', '淑珍', '秀兰', '桂英', '玉梅', '兰英', '翠花', '芳', '英'],
  },
  {
    bornBefore: 1990,
    male: ['伟', '军', '勇', '强', '磊', '涛', '斌', '海军', '建华', '志强', '明', '鹏', '宁', '晓东'],
    female: ['静', '丽', '敏', '燕', '艳', '红梅', '海燕', '晓燕', '丽娟', '霞', '娟', '婷', '小红'],
  },
  {
    bornBefore: 2005,
    male: ['浩', '杰', '鑫', '宇', '博', '帅', '昊', '子龙', '俊杰', '家豪', '文博', '天宇', '晨阳'],
    female: ['婷婷', '雪', '倩', '琳', '悦', '佳怡', '欣怡', '思雨', '梦瑶', '雨欣', '佳琪', '晓雯'],
  },
  {
    bornBefore: 9999,
    male: ['浩然', '子轩', '宇航', '梓豪', '一鸣', '子墨', '俊熙', '皓轩', '宇泽', '沐辰', '奕辰', '睿'],
    female: ['梓涵', '诗涵', '雨桐', '一诺', '子涵', '欣妍', '可馨', '若汐', '语桐', '芷晴', '梓萱', '安琪'],
  },
] as const;

// A middle character from a generation poem (字辈) plus a last one makes most other names.
const MIDDLE = ['建', '志', '永', '文', '海', '学', '明', '国', '春', '玉', '晓', '金', '红', '小', '丽', '思'];
const LAST_MALE = ['军', '平', '林', '成', '龙', '兵', '刚', '东', '宏', '峰', '辉', '鹏', '亮', '杰', '涛', '斌'];
const LAST_FEMALE = ['芳', '霞', '琴', '华', '萍', '梅', '兰', '娟', '燕', '花', '莉', '娜', '静', '慧', '琳', '洁'];

export function pickSurname(random: SeededRandom): string {
  return random.weighted(SURNAMES);
}

export function pickGivenName(random: SeededRandom, sex: 'MALE' | 'FEMALE', birthYear: number): string {
  if (random.chance(0.55)) {
    const era = ERAS.find((candidate) => birthYear < candidate.bornBefore) ?? ERAS[ERAS.length - 1];
    return random.pick(sex === 'MALE' ? (era?.male ?? []) : (era?.female ?? []));
  }
  return random.pick(MIDDLE) + random.pick(sex === 'MALE' ? LAST_MALE : LAST_FEMALE);
}
