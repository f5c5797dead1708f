-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('CIVIL_AFFAIRS', 'PUBLIC_SECURITY', 'HOUSING', 'HUMAN_RESOURCES', 'HOUSING_FUND', 'BANK', 'MARKET_REGULATION', 'TAX', 'MEDICAL_INSURANCE', 'DISABLED_PERSONS_FEDERATION', 'RURAL_REVITALIZATION');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'VERIFICATION_OFFICER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "AreaType" AS ENUM ('URBAN', 'RURAL');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'PARENT', 'PARENT_IN_LAW', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER');

-- CreateEnum
CREATE TYPE "AssistanceKind" AS ENUM ('MINIMUM_LIVING_GUARANTEE', 'LOW_INCOME', 'EXTREME_POVERTY', 'TEMPORARY_ASSISTANCE');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('ACTIVE', 'GRACE_PERIOD', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'VERIFYING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Dataset" AS ENUM ('HUKOU', 'CREMATION', 'VEHICLE', 'REAL_ESTATE', 'EMPLOYMENT', 'PENSION', 'UNEMPLOYMENT_BENEFIT', 'HOUSING_FUND', 'BANK_DEPOSIT', 'WEALTH_PRODUCT', 'BUSINESS_REGISTRATION', 'MARRIAGE', 'DISABILITY', 'STAFF_ROSTER', 'STAFF_RELATIVE_FILING');

-- CreateEnum
CREATE TYPE "SnapshotStatus" AS ENUM ('LOADING', 'CURRENT', 'SUPERSEDED', 'REFUSED', 'FAILED');

-- CreateEnum
CREATE TYPE "SnapshotSource" AS ENUM ('BULK', 'LIVE', 'SEED');

-- CreateEnum
CREATE TYPE "HukouStatus" AS ENUM ('ACTIVE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HukouCancellationReason" AS ENUM ('DEATH', 'MIGRATION', 'MILITARY_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "VehicleType" AS ENUM ('PASSENGER_CAR', 'TRUCK', 'MOTORCYCLE', 'DISABILITY_VEHICLE', 'OTHER');

-- CreateEnum
CREATE TYPE "PropertyUse" AS ENUM ('RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'INDUSTRIAL', 'PARKING', 'OTHER');

-- CreateEnum
CREATE TYPE "PensionType" AS ENUM ('ENTERPRISE_EMPLOYEE', 'PUBLIC_INSTITUTION', 'URBAN_RURAL_RESIDENT');

-- CreateEnum
CREATE TYPE "HousingFundStatus" AS ENUM ('PAYING', 'SEALED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DepositType" AS ENUM ('DEMAND', 'TIME');

-- CreateEnum
CREATE TYPE "WealthProductType" AS ENUM ('WEALTH_MANAGEMENT', 'FUND', 'SECURITIES', 'INSURANCE_CASH_VALUE');

-- CreateEnum
CREATE TYPE "BusinessRole" AS ENUM ('SOLE_TRADER', 'LEGAL_REPRESENTATIVE', 'MANAGER', 'CONTROLLING_SHAREHOLDER');

-- CreateEnum
CREATE TYPE "BusinessStatus" AS ENUM ('ACTIVE', 'CANCELLED', 'REVOKED');

-- CreateEnum
CREATE TYPE "MarriageEvent" AS ENUM ('MARRIAGE', 'DIVORCE');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('CIVIL_AFFAIRS_STAFF', 'VILLAGE_CADRE');

-- CreateEnum
CREATE TYPE "KinRelation" AS ENUM ('SPOUSE', 'PARENT', 'PARENT_IN_LAW', 'SIBLING', 'SIBLING_IN_LAW', 'CHILD', 'CHILD_IN_LAW', 'GRANDPARENT', 'GRANDCHILD', 'UNCLE_OR_AUNT');

-- CreateTable
CREATE TABLE "regions" (
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" VARCHAR(12),

    CONSTRAINT "regions_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "department_id" UUID NOT NULL,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "households" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_code" VARCHAR(12) NOT NULL,
    "area_type" "AreaType" NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "households_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "id_number" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birth_date" DATE NOT NULL,
    "household_id" UUID,
    "relation" "Relation",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_cases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "kind" "AssistanceKind" NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "monthly_amount_fen" INTEGER NOT NULL,
    "grace_period_ends_on" DATE,
    "single_person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assistance_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "kind" "AssistanceKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "submitted_on" DATE NOT NULL,
    "medical_expense_monthly_fen" INTEGER NOT NULL DEFAULT 0,
    "education_expense_monthly_fen" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_standards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_code" VARCHAR(12) NOT NULL,
    "year" INTEGER NOT NULL,
    "area_type" "AreaType" NOT NULL,
    "minimum_living_monthly_fen" INTEGER NOT NULL,
    "low_income_multiplier" DECIMAL(4,2) NOT NULL DEFAULT 1.5,
    "extreme_poverty_multiplier" DECIMAL(4,2) NOT NULL DEFAULT 1.3,
    "emergency_assistance_multiplier" DECIMAL(4,2) NOT NULL DEFAULT 2,
    "expenditure_assistance_multiplier" DECIMAL(4,2) NOT NULL DEFAULT 3,
    "individual_assistance_multiplier" DECIMAL(4,2) NOT NULL DEFAULT 1.5,
    "financial_asset_months" INTEGER NOT NULL DEFAULT 24,
    "max_homes" INTEGER NOT NULL DEFAULT 1,
    "exempt_vehicle_max_value_fen" BIGINT,
    "employment_cost_deduction_fen" INTEGER NOT NULL DEFAULT 0,
    "grace_period_months" INTEGER NOT NULL DEFAULT 18,

    CONSTRAINT "assistance_standards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_snapshots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "department_id" UUID NOT NULL,
    "dataset" "Dataset" NOT NULL,
    "source" "SnapshotSource" NOT NULL,
    "status" "SnapshotStatus" NOT NULL,
    "as_of" DATE NOT NULL,
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "accepted_count" INTEGER NOT NULL DEFAULT 0,
    "reject_count" INTEGER NOT NULL DEFAULT 0,
    "content_hash" CHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),

    CONSTRAINT "dataset_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hukou_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "status" "HukouStatus" NOT NULL,
    "registered_region_code" VARCHAR(12) NOT NULL,
    "hukou_number" TEXT NOT NULL,
    "cancelled_on" DATE,
    "cancellation_reason" "HukouCancellationReason",
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "hukou_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cremation_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "died_on" DATE NOT NULL,
    "cremated_on" DATE NOT NULL,
    "funeral_home" TEXT NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "cremation_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicle_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "plate_number" TEXT NOT NULL,
    "vehicle_type" "VehicleType" NOT NULL,
    "brand" TEXT NOT NULL,
    "registered_on" DATE NOT NULL,
    "estimated_value_fen" BIGINT NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "vehicle_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "property_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "certificate_number" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "use" "PropertyUse" NOT NULL,
    "area_m2" DECIMAL(10,2) NOT NULL,
    "acquired_on" DATE NOT NULL,
    "is_public_rental" BOOLEAN NOT NULL DEFAULT false,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "property_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employment_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "employer_name" TEXT NOT NULL,
    "employer_code" TEXT NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "monthly_wage_fen" INTEGER NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "employment_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pension_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "pension_type" "PensionType" NOT NULL,
    "monthly_amount_fen" INTEGER NOT NULL,
    "started_on" DATE NOT NULL,
    "stopped_on" DATE,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "pension_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unemployment_benefit_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "monthly_amount_fen" INTEGER NOT NULL,
    "started_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "unemployment_benefit_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "housing_fund_accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "account_number" TEXT NOT NULL,
    "status" "HousingFundStatus" NOT NULL,
    "employer_name" TEXT NOT NULL,
    "monthly_contribution_fen" INTEGER NOT NULL,
    "contribution_rate" DECIMAL(4,3) NOT NULL,
    "balance_fen" BIGINT NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "housing_fund_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_deposits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "account_number" TEXT NOT NULL,
    "deposit_type" "DepositType" NOT NULL,
    "balance_fen" BIGINT NOT NULL,
    "opened_on" DATE NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "bank_deposits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wealth_products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "product_name" TEXT NOT NULL,
    "product_type" "WealthProductType" NOT NULL,
    "market_value_fen" BIGINT NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "wealth_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_registrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "role" "BusinessRole" NOT NULL,
    "status" "BusinessStatus" NOT NULL,
    "registered_on" DATE NOT NULL,
    "registered_capital_fen" BIGINT NOT NULL,
    "monthly_income_fen" INTEGER,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "business_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "marriage_registrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "event" "MarriageEvent" NOT NULL,
    "spouse_id_number" CHAR(18) NOT NULL,
    "spouse_name" TEXT NOT NULL,
    "registered_on" DATE NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "marriage_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disability_certificates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "certificate_number" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "grade" SMALLINT NOT NULL,
    "issued_on" DATE NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "disability_certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_members" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "role" "StaffRole" NOT NULL,
    "position" TEXT NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_relative_filings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "staff_member_id" UUID NOT NULL,
    "relative_person_id" UUID NOT NULL,
    "relation" "KinRelation" NOT NULL,
    "filed_on" DATE NOT NULL,
    "department_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "staff_relative_filings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regions_parent_code_idx" ON "regions"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "departments_code_key" ON "departments"("code");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "households_region_code_idx" ON "households"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "persons_id_number_key" ON "persons"("id_number");

-- CreateIndex
CREATE INDEX "persons_household_id_idx" ON "persons"("household_id");

-- CreateIndex
CREATE INDEX "assistance_cases_household_id_idx" ON "assistance_cases"("household_id");

-- CreateIndex
CREATE INDEX "assistance_cases_kind_status_idx" ON "assistance_cases"("kind", "status");

-- CreateIndex
CREATE INDEX "applications_household_id_idx" ON "applications"("household_id");

-- CreateIndex
CREATE UNIQUE INDEX "assistance_standards_region_code_year_area_type_key" ON "assistance_standards"("region_code", "year", "area_type");

-- CreateIndex
CREATE INDEX "dataset_snapshots_department_id_dataset_status_idx" ON "dataset_snapshots"("department_id", "dataset", "status");

-- CreateIndex
CREATE INDEX "hukou_records_person_id_idx" ON "hukou_records"("person_id");

-- CreateIndex
CREATE INDEX "hukou_records_snapshot_id_idx" ON "hukou_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "cremation_records_person_id_idx" ON "cremation_records"("person_id");

-- CreateIndex
CREATE INDEX "cremation_records_snapshot_id_idx" ON "cremation_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "vehicle_records_person_id_idx" ON "vehicle_records"("person_id");

-- CreateIndex
CREATE INDEX "vehicle_records_snapshot_id_idx" ON "vehicle_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "property_records_person_id_idx" ON "property_records"("person_id");

-- CreateIndex
CREATE INDEX "property_records_snapshot_id_idx" ON "property_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "employment_records_person_id_idx" ON "employment_records"("person_id");

-- CreateIndex
CREATE INDEX "employment_records_snapshot_id_idx" ON "employment_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "pension_records_person_id_idx" ON "pension_records"("person_id");

-- CreateIndex
CREATE INDEX "pension_records_snapshot_id_idx" ON "pension_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "unemployment_benefit_records_person_id_idx" ON "unemployment_benefit_records"("person_id");

-- CreateIndex
CREATE INDEX "unemployment_benefit_records_snapshot_id_idx" ON "unemployment_benefit_records"("snapshot_id");

-- CreateIndex
CREATE INDEX "housing_fund_accounts_person_id_idx" ON "housing_fund_accounts"("person_id");

-- CreateIndex
CREATE INDEX "housing_fund_accounts_snapshot_id_idx" ON "housing_fund_accounts"("snapshot_id");

-- CreateIndex
CREATE INDEX "bank_deposits_person_id_idx" ON "bank_deposits"("person_id");

-- CreateIndex
CREATE INDEX "bank_deposits_snapshot_id_idx" ON "bank_deposits"("snapshot_id");

-- CreateIndex
CREATE INDEX "wealth_products_person_id_idx" ON "wealth_products"("person_id");

-- CreateIndex
CREATE INDEX "wealth_products_snapshot_id_idx" ON "wealth_products"("snapshot_id");

-- CreateIndex
CREATE INDEX "business_registrations_person_id_idx" ON "business_registrations"("person_id");

-- CreateIndex
CREATE INDEX "business_registrations_snapshot_id_idx" ON "business_registrations"("snapshot_id");

-- CreateIndex
CREATE INDEX "marriage_registrations_person_id_idx" ON "marriage_registrations"("person_id");

-- CreateIndex
CREATE INDEX "marriage_registrations_spouse_id_number_idx" ON "marriage_registrations"("spouse_id_number");

-- CreateIndex
CREATE INDEX "marriage_registrations_snapshot_id_idx" ON "marriage_registrations"("snapshot_id");

-- CreateIndex
CREATE INDEX "disability_certificates_person_id_idx" ON "disability_certificates"("person_id");

-- CreateIndex
CREATE INDEX "disability_certificates_snapshot_id_idx" ON "disability_certificates"("snapshot_id");

-- CreateIndex
CREATE INDEX "staff_members_person_id_idx" ON "staff_members"("person_id");

-- CreateIndex
CREATE INDEX "staff_members_snapshot_id_idx" ON "staff_members"("snapshot_id");

-- CreateIndex
CREATE INDEX "staff_relative_filings_staff_member_id_idx" ON "staff_relative_filings"("staff_member_id");

-- CreateIndex
CREATE INDEX "staff_relative_filings_relative_person_id_idx" ON "staff_relative_filings"("relative_person_id");

-- CreateIndex
CREATE INDEX "staff_relative_filings_snapshot_id_idx" ON "staff_relative_filings"("snapshot_id");

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_single_person_id_fkey" FOREIGN KEY ("single_person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_standards" ADD CONSTRAINT "assistance_standards_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_snapshots" ADD CONSTRAINT "dataset_snapshots_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hukou_records" ADD CONSTRAINT "hukou_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cremation_records" ADD CONSTRAINT "cremation_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_records" ADD CONSTRAINT "vehicle_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "property_records" ADD CONSTRAINT "property_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employment_records" ADD CONSTRAINT "employment_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pension_records" ADD CONSTRAINT "pension_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unemployment_benefit_records" ADD CONSTRAINT "unemployment_benefit_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "housing_fund_accounts" ADD CONSTRAINT "housing_fund_accounts_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_deposits" ADD CONSTRAINT "bank_deposits_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wealth_products" ADD CONSTRAINT "wealth_products_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_registrations" ADD CONSTRAINT "business_registrations_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "marriage_registrations" ADD CONSTRAINT "marriage_registrations_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disability_certificates" ADD CONSTRAINT "disability_certificates_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_relative_filings" ADD CONSTRAINT "staff_relative_filings_staff_member_id_fkey" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_relative_filings" ADD CONSTRAINT "staff_relative_filings_relative_person_id_fkey" FOREIGN KEY ("relative_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
