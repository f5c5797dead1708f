-- Requests per rate-limited caller in the caller's current window, counted here instead of in each instance's memory,
-- so that every instance of a hub (`hub start --instances N`, or replicas behind a balancer) enforces one limit.
-- UNLOGGED: a counter bumped on every request writes no WAL; a crash empties it, which only gives each caller a
-- fresh window. Rows of windows that ended are swept by the running hub.
CREATE UNLOGGED TABLE "rate_limit_counts" (
    "caller" TEXT NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_counts_pkey" PRIMARY KEY ("caller")
);
