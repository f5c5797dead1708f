-- AlterEnum
ALTER TYPE "ComparisonRunStatus" ADD VALUE 'CANCELLED';
