import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * HUB_SECRET_KEY for `hub start`: the environment's, else the one kept in the data folder (created on first use,
 * readable by its owner only), so that a demo can store connector credentials without any set-up. Losing that
 * file makes the stored credentials unreadable: each connector then needs its credential configured again.
 */
export function ensureSecretKey(dataDirectory: string): 'ENVIRONMENT' | 'DATA_FOLDER' {
  if (process.env.HUB_SECRET_KEY) return 'ENVIRONMENT';
  const file = join(dataDirectory, 'secret-key');
  mkdirSync(dataDirectory, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  process.env.HUB_SECRET_KEY = readFileSync(file, 'utf8').trim();
  return 'DATA_FOLDER';
}
