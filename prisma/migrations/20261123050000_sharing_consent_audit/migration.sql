-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('MINIMUM_LIVING_GUARANTEE', 'LOW_INCOME_RECOGNITION', 'EXTREME_POVERTY_SUPPORT', 'TEMPORARY_ASSISTANCE', 'HOUSING_SUBSIDY', 'EMPLOYMENT_ASSISTANCE', 'MEDICAL_ASSISTANCE', 'EDUCATION_ASSISTANCE', 'PERIODIC_REVIEW');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'REVOKED');

-- CreateEnum
CREATE TYPE "AccessLevel" AS ENUM ('FULL', 'MASKED', 'DERIVED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('USER', 'API_CLIENT', 'SYSTEM', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "AuditDecision" AS ENUM ('ALLOWED', 'PARTIAL', 'DENIED');

-- CreateTable
CREATE TABLE "api_clients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "client_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department_id" UUID NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "secret_rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "api_client_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sharing_agreements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "provider_department_id" UUID NOT NULL,
    "consumer_department_id" UUID NOT NULL,
    "purposes" "Purpose"[],
    "valid_from" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "daily_query_quota" INTEGER,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "status_reason" TEXT,
    "author_id" UUID NOT NULL,
    "approver_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sharing_agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sharing_agreement_items" (
    "agreement_id" UUID NOT NULL,
    "item_code" TEXT NOT NULL,
    "access_level" "AccessLevel" NOT NULL,

    CONSTRAINT "sharing_agreement_items_pkey" PRIMARY KEY ("agreement_id","item_code")
);

-- CreateTable
CREATE TABLE "agreement_quota_usage" (
    "agreement_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "queries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agreement_quota_usage_pkey" PRIMARY KEY ("agreement_id","day")
);

-- CreateTable
CREATE TABLE "consents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "purposes" "Purpose"[],
    "department_id" UUID,
    "signed_on" DATE NOT NULL,
    "expires_on" DATE NOT NULL,
    "document_reference" TEXT NOT NULL,
    "recorded_by_id" UUID,
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "sequence" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurred_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT NOT NULL,
    "actor_kind" "ActorKind" NOT NULL,
    "user_id" UUID,
    "api_client_id" UUID,
    "actor_name" TEXT NOT NULL,
    "department_id" UUID,
    "purpose" "Purpose",
    "agreement_ids" UUID[],
    "subject_person_id" UUID,
    "operation" TEXT NOT NULL,
    "items_disclosed" TEXT[],
    "items_denied" TEXT[],
    "decision" "AuditDecision" NOT NULL,
    "reason" TEXT,
    "client_address" TEXT,
    "previous_hash" CHAR(64) NOT NULL,
    "entry_hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_clients_client_id_key" ON "api_clients"("client_id");

-- CreateIndex
CREATE INDEX "api_clients_department_id_idx" ON "api_clients"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "access_tokens_token_hash_key" ON "access_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "access_tokens_api_client_id_idx" ON "access_tokens"("api_client_id");

-- CreateIndex
CREATE UNIQUE INDEX "sharing_agreements_code_key" ON "sharing_agreements"("code");

-- CreateIndex
CREATE INDEX "sharing_agreements_consumer_department_id_status_idx" ON "sharing_agreements"("consumer_department_id", "status");

-- CreateIndex
CREATE INDEX "sharing_agreements_provider_department_id_idx" ON "sharing_agreements"("provider_department_id");

-- CreateIndex
CREATE INDEX "consents_person_id_idx" ON "consents"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_id_key" ON "audit_entries"("id");

-- CreateIndex
CREATE INDEX "audit_entries_subject_person_id_occurred_at_idx" ON "audit_entries"("subject_person_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_entries_department_id_occurred_at_idx" ON "audit_entries"("department_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_entries_occurred_at_idx" ON "audit_entries"("occurred_at");

-- AddForeignKey
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_provider_department_id_fkey" FOREIGN KEY ("provider_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_consumer_department_id_fkey" FOREIGN KEY ("consumer_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_agreement_items" ADD CONSTRAINT "sharing_agreement_items_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "sharing_agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_quota_usage" ADD CONSTRAINT "agreement_quota_usage_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "sharing_agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
