-- Verification requests (核对申请): what a township office declares about an applying household, with the signed
-- authorisation (授权书) kept as uploaded, checked by an APPLICATION run and answered with a report.
CREATE TYPE "VerificationRequestStatus" AS ENUM ('SUBMITTED', 'CHECKING', 'REPORTED');
CREATE TYPE "DeclaredItemCategory" AS ENUM ('INCOME', 'DEPOSIT', 'VEHICLE', 'PROPERTY', 'BUSINESS', 'RIGID_EXPENDITURE');

CREATE TABLE "verification_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "department_id" UUID NOT NULL,
    "submitted_by_id" UUID,
    "submitted_by_api_client_id" UUID,
    "household_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" "AssistanceKind" NOT NULL,
    "status" "VerificationRequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submitted_on" DATE NOT NULL,
    "authorisation_file_name" TEXT NOT NULL,
    "authorisation_media_type" TEXT NOT NULL,
    "authorisation_sha256" CHAR(64) NOT NULL,
    "authorisation_content" BYTEA NOT NULL,
    "authorisation_signed_on" DATE NOT NULL,
    "comparison_run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reported_at" TIMESTAMPTZ(3),

    CONSTRAINT "verification_requests_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "verification_requests_department_id_reference_key" ON "verification_requests"("department_id", "reference");
CREATE INDEX "verification_requests_household_id_idx" ON "verification_requests"("household_id");
CREATE INDEX "verification_requests_comparison_run_id_idx" ON "verification_requests"("comparison_run_id");
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_department_id_fkey"
    FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_submitted_by_id_fkey"
    FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_submitted_by_api_client_id_fkey"
    FOREIGN KEY ("submitted_by_api_client_id") REFERENCES "api_clients"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_household_id_fkey"
    FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_application_id_fkey"
    FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_comparison_run_id_fkey"
    FOREIGN KEY ("comparison_run_id") REFERENCES "comparison_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "verification_request_members" (
    "request_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "relation" "Relation" NOT NULL,
    "is_severely_disabled" BOOLEAN NOT NULL DEFAULT false,
    "is_critically_ill" BOOLEAN NOT NULL DEFAULT false,
    "signed_authorisation" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "verification_request_members_pkey" PRIMARY KEY ("request_id", "person_id")
);
ALTER TABLE "verification_request_members" ADD CONSTRAINT "verification_request_members_request_id_fkey"
    FOREIGN KEY ("request_id") REFERENCES "verification_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "verification_request_members" ADD CONSTRAINT "verification_request_members_person_id_fkey"
    FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "declared_items" (
    "request_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "category" "DeclaredItemCategory" NOT NULL,
    "person_id" UUID,
    "source" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "declared_items_pkey" PRIMARY KEY ("request_id", "line")
);
ALTER TABLE "declared_items" ADD CONSTRAINT "declared_items_request_id_fkey"
    FOREIGN KEY ("request_id") REFERENCES "verification_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "declared_items" ADD CONSTRAINT "declared_items_person_id_fkey"
    FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
