import { createHttpApp } from '../http/create-http-app.ts';

// One hub API for `pnpm bench api`, in a process of its own so that the load generator does not share its CPU time.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const guarded = process.env.BENCH_GUARDED !== 'false';
const http = await createHttpApp({ databaseUrl, enforcement: guarded, audit: guarded });
const url = await http.listen(0, '127.0.0.1');
console.log(`listening ${url}`);
process.on('SIGTERM', () => void http.close().then(() => process.exit(0)));
