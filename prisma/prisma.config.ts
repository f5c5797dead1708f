import { defineConfig } from 'prisma/config';

// prisma.config's env() throws when a variable is unset; the CLI is only used for `generate` here,
// which needs no database, so read process.env with a harmless fallback.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/hub' },
});
