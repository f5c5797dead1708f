import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { englishMessages } from './en.ts';
import { chineseMessages } from './zh-cn.ts';

/** Simplified Chinese by default; English selectable from the app bar (the choice is remembered). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? englishMessages : chineseMessages) as unknown as TranslationMessages,
  'zh-CN',
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
