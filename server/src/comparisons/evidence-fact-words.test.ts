import { ENUM_LABELS_ZH_CN } from '@hub/schema/enum-labels/zh-cn';
import { describe, expect, it } from 'vitest';
import { fallbackReason } from './evidence-fact-words.ts';

describe('a live query’s fallback reason in the 核对报告', () => {
  it('names each failure as the portal’s connector health does, and counts who went unanswered', () => {
    const failures = ENUM_LABELS_ZH_CN.ConnectorFailure;
    expect(fallbackReason('TIMEOUT, SERVER_ERROR for 2 of 3 members')).toBe(
      `${failures.TIMEOUT}、${failures.SERVER_ERROR}：3 人中 2 人未获答复`,
    );
    expect(fallbackReason('CIRCUIT_OPEN for 4 of 4 members; no CURRENT snapshot to fall back on')).toBe(
      `${failures.CIRCUIT_OPEN}：4 人中 4 人未获答复；且没有可改用的批量数据`,
    );
  });

  it('keeps a reason it cannot read as it was recorded', () => {
    expect(fallbackReason('the partner answered in Morse')).toBe('the partner answered in Morse');
  });
});
