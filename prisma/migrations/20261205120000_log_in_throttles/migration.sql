-- Failed log-ins are counted per (username, source address) instead of per account: a wrong password from one
-- address slows down that address's next tries of that username, with growing delays, and never locks the account's
-- owner out from elsewhere. Unknown usernames are counted exactly like known ones, so the answers tell nothing about
-- which exist. Counted here, not in memory, so that every instance behind a balancer sees the same count.
CREATE TABLE "log_in_throttles" (
    "username" TEXT NOT NULL,
    "source_address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "log_in_throttles_pkey" PRIMARY KEY ("username", "source_address")
);

CREATE INDEX "log_in_throttles_last_attempt_at_idx" ON "log_in_throttles"("last_attempt_at");

ALTER TABLE "users" DROP COLUMN "failed_login_count", DROP COLUMN "locked_until";
