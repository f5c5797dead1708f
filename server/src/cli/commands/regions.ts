import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importRegionTable, type RegionImportSummary } from '../../regions/import-region-table.ts';
import { RegionTableError } from '../../regions/region-table-error.ts';
import type { CommandContext } from '../command-context.ts';

const USAGE = `usage: ./hub regions import [--dry-run] FILE

Imports an administrative-division table (统计用区划代码; CSV with the header code,name,level,parent_code,
urban_rural_code; see docs/regions.md) into the hub's database, as POST /regions/imports does: new codes are added,
changed ones updated, codes below the table's top regions that it no longer lists are retired (never deleted).
A table with any bad row changes nothing; every row at fault is printed and the command exits 1.`;

function describe(summary: RegionImportSummary): string[] {
  const lines = [
    `${summary.rows} rows: ${summary.added.length} added, ${summary.renamed.length} renamed, ${summary.changed.length} ` +
      `moved or reclassified, ${summary.restored.length} restored, ${summary.retired.length} retired, ` +
      `${summary.unchanged} unchanged${summary.dryRun ? ' (dry run: nothing was changed)' : ''}`,
  ];
  for (const { code, from, to } of summary.renamed) lines.push(`  renamed ${code}: ${from} → ${to}`);
  for (const code of summary.retired) lines.push(`  retired ${code}`);
  for (const { code, name, households } of summary.retiredInUse) {
    lines.push(`  retired but still named by ${households} household(s): ${code} ${name}`);
  }
  return lines;
}

/** `hub regions import FILE`: loads a region table by hand, for a deployment's operator. */
export async function regionsCommand(args: string[], context: CommandContext): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [file] = positionals;
  if (action !== 'import' || values.help || !file) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const text = await readFile(file, 'utf8');
  try {
    const summary = await importRegionTable(await context.databaseUrl(), text, { dryRun: values['dry-run'] });
    for (const line of describe(summary)) console.log(line);
  } catch (error) {
    if (!(error instanceof RegionTableError)) throw error;
    for (const problem of error.problems) {
      console.error(`  line ${problem.line}: ${problem.reason} ${problem.message}`);
    }
    throw new Error(`${error.code}: ${error.message}`);
  }
}
