import type { PrismaClient } from '@hub/prisma';
import type { AssistanceStandardService } from '@hub/schema/context';
import { setAssistanceStandard } from './set-assistance-standard.ts';

export function createAssistanceStandardService(prisma: PrismaClient): AssistanceStandardService {
  return { setAssistanceStandard: (terms, actor) => setAssistanceStandard(prisma, terms, actor) };
}
