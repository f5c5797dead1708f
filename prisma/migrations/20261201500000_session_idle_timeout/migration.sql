-- Sessions end after an idle period as well as at their absolute expiry.
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "sessions" ADD COLUMN "idle_timeout_seconds" INTEGER NOT NULL DEFAULT 1800;
