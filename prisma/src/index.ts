import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client.ts';

export * from '../generated/client.ts';

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** How long an interactive transaction may wait for a connection, and run, before Prisma rolls it back. */
export const TRANSACTION_MAX_WAIT_MS = 15_000;
export const TRANSACTION_TIMEOUT_MS = 60_000;

/** A Prisma client over node-postgres; the hub's CRUD goes through it, its hot paths use `pg` directly. */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process before Prisma has connected and listens itself.
  pool.on('error', () => {});
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) roll back an administrator's
    // change whose work was done, as an internal error, whenever the machine is busy: a new agreement's
    // transaction (the agreement, its event, the audit chain's lock) overran 5 s on a 2-core machine at load 15.
    // These bounds only stop a transaction that hangs; a short one is still short.
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  // Prisma ends only a pool it has connected to; hot-path statements may have used this one without it.
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    await disconnect();
    if (!pool.ending) await pool.end();
  };
  pools.set(prisma, pool);
  return prisma;
}

/**
 * The connections under a client made by createPrismaClient, for the hot paths' prepared statements: they share the
 * client's pool instead of opening one more, and end with its `$disconnect()`.
 */
export function sqlPoolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('this Prisma client was not made by createPrismaClient');
  return pool;
}
