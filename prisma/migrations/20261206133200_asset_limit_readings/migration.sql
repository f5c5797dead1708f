-- The inclusivity of the asset thresholds as regional data, like the income lines': financial assets "at most
-- N × the standard", a vehicle "worth ≤ ¥30,000", area "may not exceed" the cap (domain.md, asset rules) read
-- AT_OR_BELOW by default; a region whose rule says 低于 reads one BELOW.

-- AlterTable
ALTER TABLE "assistance_standards" ADD COLUMN "exempt_vehicle_value_line" "LineReading" NOT NULL DEFAULT 'AT_OR_BELOW',
ADD COLUMN "financial_asset_line" "LineReading" NOT NULL DEFAULT 'AT_OR_BELOW',
ADD COLUMN "residential_area_line" "LineReading" NOT NULL DEFAULT 'AT_OR_BELOW';
