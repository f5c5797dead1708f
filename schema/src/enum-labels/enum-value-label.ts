import { ENUM_LABELS_EN } from './en.ts';
import { ENUM_LABELS_ZH_CN } from './zh-cn.ts';

/** The languages the hub's reports and exports are written in: Chinese by default. */
export type HubLanguage = 'zh-CN' | 'en';

export type LabelledEnum = keyof typeof ENUM_LABELS_ZH_CN;

const LABELS: Record<HubLanguage, Record<string, Readonly<Record<string, string>>>> = {
  'zh-CN': ENUM_LABELS_ZH_CN,
  en: ENUM_LABELS_EN,
};

/** An enum value as a person reads it, in the portal's own words; a value without a label is shown as it is. */
export function enumValueLabel(language: HubLanguage, name: LabelledEnum, value: string): string {
  return LABELS[language][name]?.[value] ?? value;
}

/** A list of enum values (flags `A;B`, arrays) as their labels, joined the way the language lists. */
export function enumValueLabels(language: HubLanguage, name: LabelledEnum, values: readonly string[]): string {
  return values.map((value) => enumValueLabel(language, name, value)).join(language === 'en' ? '; ' : '；');
}
