import { describe, expect, it } from 'vitest';
import { englishMessages } from '../i18n/en.ts';
import { chineseMessages } from '../i18n/zh-cn.ts';
import { operationLabel } from './operation-label.ts';

// biome-ignore lint/suspicious/noExplicitAny: the message trees are nested objects of strings
const lookUp = (messages: any) => (key: string, options?: { _?: string }) =>
  key.split('.').reduce((node, part) => node?.[part], messages) ?? options?._ ?? key;

describe('operation labels in the audit log', () => {
  it('names the portal’s operations for people, in Chinese and in English', () => {
    expect(operationLabel(lookUp(chineseMessages), { operation: 'PersonVerification' })).toBe('查询人员核对信息');
    expect(operationLabel(lookUp(englishMessages), { operation: 'PersonVerification' })).toBe(
      'Person verification look-up',
    );
    expect(operationLabel(lookUp(chineseMessages), { operation: 'IntrospectionQuery' })).toBe('读取接口结构（内省）');
  });

  it('names an administrative change by its type', () => {
    expect(
      operationLabel(lookUp(chineseMessages), { operation: 'approveSharingAgreement', event: 'AGREEMENT_APPROVED' }),
    ).toBe(lookUp(chineseMessages)('hub.enum.AuditEventType.AGREEMENT_APPROVED'));
  });

  it('keeps an operation it does not know, or a plain route, as the hub recorded it', () => {
    expect(operationLabel(lookUp(chineseMessages), { operation: 'HousingSubsidyCheck' })).toBe('HousingSubsidyCheck');
    expect(operationLabel(lookUp(chineseMessages), { operation: 'GET /comparisons/x.csv → 200' })).toBe(
      'GET /comparisons/x.csv → 200',
    );
  });

  it('has a label in both languages for every operation', () => {
    const operations = (messages: unknown) => Object.keys(lookUp(messages)('hub.operation')).sort();
    expect(operations(englishMessages)).toEqual(operations(chineseMessages));
    expect(operations(chineseMessages).length).toBeGreaterThan(40);
  });
});
