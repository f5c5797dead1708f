import { describe, expect, it } from 'vitest';
import { POLICY_RULES } from '../../../prisma/src/policy/policy-rules.ts';
import { englishMessages as en } from '../i18n/en.ts';
import { chineseMessages as zhCn } from '../i18n/zh-cn.ts';
import { policyCitation } from './policy-citation.ts';

// The translation files' own templates, filled (and defaulted with `_`) the way react-admin's polyglot does.
function translatorOf(messages: Record<string, unknown>) {
  return (key: string, values: Record<string, unknown> = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const template = typeof found === 'string' ? found : String(values._ ?? key);
    return template.replace(/%\{(\w+)\}/g, (_match, name: string) => String(values[name] ?? ''));
  };
}

describe('a rule’s citation, as its reader reads it', () => {
  it('names a policy text by its issuer and title, not its file name', () => {
    expect(policyCitation('yinchuan-2021-assistance-and-rural-revitalisation.txt', '二(四)', translatorOf(zhCn))).toBe(
      '银川市民政局《银川市实现巩固民政领域社会救助成果同乡村振兴有效衔接的工作方案》（2021），二(四)',
    );
    expect(policyCitation('tieling-2021-difficult-families-action.txt', '四(六)', translatorOf(en))).toBe(
      'Tieling Civil Affairs Bureau, difficult families action plan (2021, draft), 四(六)',
    );
  });

  it('gives the hub’s own summary and its English heading in Chinese in the Chinese portal', () => {
    expect(policyCitation('domain.md', 'Asset and income rules seen in local practice', translatorOf(zhCn))).toBe(
      '本平台政策摘要，各地实践中的资产与收入规则',
    );
  });

  it('shows a region’s own citation as the region typed it, and a dash for none', () => {
    expect(policyCitation('宁民发〔2025〕12号', '第三条', translatorOf(zhCn))).toBe('宁民发〔2025〕12号，第三条');
    expect(policyCitation(null, null, translatorOf(zhCn))).toBe('—');
  });

  it('knows every document the policy rules cite', () => {
    const documents = new Set(Object.values(POLICY_RULES).map((rule) => rule.basis.document));
    for (const document of documents) {
      for (const messages of [zhCn, en]) {
        expect(policyCitation(document, '一', translatorOf(messages))).not.toMatch(/\.(txt|md)\b/);
      }
    }
  });
});
