-- The civil-affairs register: households keep the civil-affairs system's number (户编号), membership keeps its
-- history (a person belongs to a household from valid_from up to, not including, valid_to), and assistance cases
-- carry the register's case number and the day the grace period (渐退期) began.
ALTER TABLE "households" ADD COLUMN "register_number" TEXT;
CREATE UNIQUE INDEX "households_register_number_key" ON "households"("register_number");

CREATE TABLE "household_memberships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "relation" "Relation" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_memberships_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "household_memberships_valid_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from")
);
CREATE INDEX "household_memberships_household_id_idx" ON "household_memberships"("household_id");
CREATE INDEX "household_memberships_person_id_idx" ON "household_memberships"("person_id");
ALTER TABLE "household_memberships" ADD CONSTRAINT "household_memberships_household_id_fkey"
    FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "household_memberships" ADD CONSTRAINT "household_memberships_person_id_fkey"
    FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "assistance_cases" ADD COLUMN "case_number" TEXT;
ALTER TABLE "assistance_cases" ADD COLUMN "grace_period_started_on" DATE;
CREATE UNIQUE INDEX "assistance_cases_case_number_key" ON "assistance_cases"("case_number");
