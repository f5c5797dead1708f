import { describe, expect, it } from 'vitest';
import { connectorFailure } from './connector-failure.ts';

const messages: Record<string, string> = {
  'hub.enum.Dataset.BANK_DEPOSIT': '银行存款',
  'hub.connectors.failures.TIMEOUT': '超时',
  'hub.connectors.failures.SERVER_ERROR': '对方服务出错',
  'hub.connectors.failures.CREDENTIAL_UNREADABLE': '凭据无法解密',
  'hub.connectors.failures.OTHER': '其他故障',
  'hub.connectors.batches_failed': '%{dataset}：%{failures}，%{unanswered}/%{asked} 人未获答复',
};
const translate = (key: string, options?: Record<string, unknown>) =>
  (messages[key] ?? String(options?._ ?? key)).replace(/%\{(\w+)\}/g, (_, name) => String(options?.[name]));

describe('a connector’s last failure, for people', () => {
  it('names the dataset, each failure and how many persons went unanswered, without a code', () => {
    const said = connectorFailure(translate, 'BANK_DEPOSIT: TIMEOUT, SERVER_ERROR for 3 of 10 persons');
    expect(said).toBe('银行存款：超时、对方服务出错，3/10 人未获答复');
  });

  it('says an unreadable credential plainly, and anything else without its English', () => {
    expect(connectorFailure(translate, 'CREDENTIAL_UNREADABLE: bad tag')).toBe('凭据无法解密');
    expect(connectorFailure(translate, 'something unforeseen')).toBe('其他故障');
  });
});
