import type { Citation } from '@hub/prisma/policy/policy-rules';
import type { HubLanguage } from '../enum-labels/enum-value-label.ts';

// A rule's citation as a person reads it: the policy text by its issuer and title, not its file name. A document the
// hub does not know (a region's own citation) is shown as the region typed it.

const DOCUMENTS: Record<string, Record<HubLanguage, string>> = {
  'yinchuan-2021-assistance-and-rural-revitalisation.txt': {
    'zh-CN': '银川市民政局《银川市实现巩固民政领域社会救助成果同乡村振兴有效衔接的工作方案》（2021）',
    en: 'Yinchuan Civil Affairs Bureau, assistance and rural revitalisation plan (2021)',
  },
  'yinchuan-2018-low-income-households.txt': {
    'zh-CN': '《银川市民政局低收入家庭救助工程实施方案》（2018）',
    en: 'Yinchuan Civil Affairs Bureau, low-income household assistance (2018)',
  },
  'tieling-2021-difficult-families-action.txt': {
    'zh-CN': '铁岭市民政局《全市民政系统开展“走进困难家庭 倾情解忧暖心”专项行动实施方案》（2021，征求意见稿）',
    en: 'Tieling Civil Affairs Bureau, difficult families action plan (2021, draft)',
  },
  'shangrao-county-2017-rural-dibao-and-poverty.txt': {
    'zh-CN': '上饶县民政局《上饶县农村低保与扶贫衔接工作保障制度》（2017）',
    en: 'Shangrao County Civil Affairs Bureau, rural 低保 and poverty alleviation (2017)',
  },
  'lanping-county-draft-basic-living-coordination.txt': {
    'zh-CN': '兰坪县《关于建立全县困难群众基本生活保障工作协调机制的通知》（征求意见稿）',
    en: 'Lanping County, basic living coordination (draft)',
  },
  'domain.md': { 'zh-CN': '本平台政策摘要', en: 'the hub’s policy summary' },
};

const PARAGRAPHS: Record<string, Record<HubLanguage, string>> = {
  'Asset and income rules seen in local practice': {
    'zh-CN': '各地实践中的资产与收入规则',
    en: 'Asset and income rules seen in local practice',
  },
};

/** "银川市民政局《…》（2021），二(四)"; "—" when the rule cites nothing. */
export function citePolicyDocument(citation: Citation | null | undefined, language: HubLanguage): string {
  if (!citation?.document) return '—';
  const document = DOCUMENTS[citation.document]?.[language] ?? citation.document;
  if (!citation.paragraph) return document;
  const paragraph = PARAGRAPHS[citation.paragraph]?.[language] ?? citation.paragraph;
  return language === 'en' ? `${document}, ${paragraph}` : `${document}，${paragraph}`;
}
