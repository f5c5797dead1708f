-- 临时救助 by kind (yinchuan-2021 二(七)): 急难型 at least 2 ×, 支出型 at least 3 × the city 低保 standard per head, an
-- individual at least 1.5 ×. A verification request for temporary assistance may say which it asks for; its
-- assessment then names the amount of that kind.

-- CreateEnum
CREATE TYPE "TemporaryAssistanceType" AS ENUM ('EMERGENCY', 'EXPENDITURE', 'INDIVIDUAL');

-- AlterTable
ALTER TABLE "applications" ADD COLUMN "temporary_assistance_type" "TemporaryAssistanceType";
