import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@hub/prisma';
import { createDepartment } from '../../departments/create-department.ts';
import { ensureAdministrator } from '../../identity/ensure-administrator.ts';
import { checkPasswordPolicy } from '../../identity/password-policy.ts';
import type { CommandContext } from '../command-context.ts';
import { resolveDataDirectory } from '../data-directory.ts';

const USAGE = `usage: ./hub bootstrap --department-code CODE --department-name NAME --region CODE --username NAME
                    [--display-name NAME]

Sets up a hub without the demo for its first log-in: the verification centre's civil-affairs department (in a region
already imported with ./hub regions import) and its first administrator. The password is HUB_ADMIN_PASSWORD when set
(it must pass the password policy), else generated and written to <data-dir>/initial-<username>-password (0600),
never printed. Run again, it changes nothing that exists and says so.`;

/** `hub bootstrap`: the first department and administrator of an empty hub, with no demo data. */
export async function bootstrapCommand(args: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'department-code': { type: 'string' },
      'department-name': { type: 'string' },
      region: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const code = values['department-code'];
  const name = values['department-name'];
  const region = values.region;
  const username = values.username;
  if (values.help || !code || !name || !region || !username) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const displayName = values['display-name'] ?? username;
  const given = process.env.HUB_ADMIN_PASSWORD;
  if (given !== undefined) checkPasswordPolicy(given, { username, displayName }, 'HUB_ADMIN_PASSWORD');
  const prisma = createPrismaClient(await context.databaseUrl(), { maxConnections: 1 });
  try {
    const existing = await prisma.department.findUnique({ where: { code } });
    if (existing && existing.kind !== 'CIVIL_AFFAIRS') {
      throw new Error(`department ${code} exists and is ${existing.kind}, not CIVIL_AFFAIRS`);
    }
    if (existing) console.log(`department ${code} exists (${existing.name}); left as it is`);
    else {
      await createDepartment(prisma, { code, name, kind: 'CIVIL_AFFAIRS', regionCode: region });
      console.log(`department ${code} created: ${name}, CIVIL_AFFAIRS, region ${region}`);
    }
    const password = given ?? randomBytes(18).toString('base64url');
    const created = await ensureAdministrator(prisma, { username, password, displayName, departmentCode: code });
    if (!created) {
      console.log(`user ${username} exists; its password is unchanged`);
      return;
    }
    if (given !== undefined) {
      console.log(`administrator ${username} created with the password in HUB_ADMIN_PASSWORD`);
      return;
    }
    const directory = resolveDataDirectory(context.dataDirectory);
    if (!existsSync(directory)) mkdirSync(directory, { recursive: true });
    const file = join(directory, `initial-${username}-password`);
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    console.log(`administrator ${username} created; its password is in ${file} (change it after logging in)`);
  } finally {
    await prisma.$disconnect();
  }
}
