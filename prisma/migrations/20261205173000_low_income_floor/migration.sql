-- The 低收入 band's lower edge as regional data: Tieling 2021 四(三) says 高于低保标准 (strictly above the standard),
-- Yinchuan 2021 二(五) sets no lower edge (人均收入低于低保标准1.5倍). Read by the letter with a 低保 line of 低于, a
-- household exactly on the standard is neither 低保 nor 低收入: it is classified BETWEEN_LINES, never silently one.

-- CreateEnum
CREATE TYPE "FloorReading" AS ENUM ('ABOVE', 'AT_OR_ABOVE');

-- AlterEnum
ALTER TYPE "HouseholdClassification" ADD VALUE 'BETWEEN_LINES';

-- AlterTable
ALTER TABLE "assistance_standards" ADD COLUMN "low_income_floor" "FloorReading" NOT NULL DEFAULT 'ABOVE';
