import { builder } from '../builder.ts';

// 临时救助 (yinchuan-2021 二(七)): the kind a request asks for decides the amount its assessment names.
export const TemporaryAssistanceTypeEnum = builder.enumType('TemporaryAssistanceType', {
  description: 'The kind of temporary assistance (临时救助) a request asks for.',
  values: {
    EMERGENCY: { value: 'EMERGENCY', description: '急难型: at least 2 × the city 低保 standard per head.' },
    EXPENDITURE: { value: 'EXPENDITURE', description: '支出型: at least 3 × the city 低保 standard per head.' },
    INDIVIDUAL: { value: 'INDIVIDUAL', description: '个人救助对象: at least 1.5 × the city 低保 standard.' },
  } as const,
});
