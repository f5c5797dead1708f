import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client.ts';

export * from '../generated/client.ts';

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over node-postgres; the hub's CRUD goes through it, its hot paths use `pg` directly. */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process before Prisma has connected and listens itself.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
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
