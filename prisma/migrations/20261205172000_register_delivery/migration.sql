-- The civil-affairs register is delivered in bulk like any dataset: households with their members' dated
-- memberships in one file, assistance cases in another.
ALTER TYPE "Dataset" ADD VALUE IF NOT EXISTS 'HOUSEHOLD_REGISTER';
ALTER TYPE "Dataset" ADD VALUE IF NOT EXISTS 'ASSISTANCE_CASE';
