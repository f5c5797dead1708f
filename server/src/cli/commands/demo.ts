import { readTryItList, type TryItPerson } from '../../demo/try-it-list.ts';
import type { CommandContext } from '../command-context.ts';
import { resolveDataDirectory } from '../data-directory.ts';

const USAGE = `usage: ./hub demo try-it

Prints the demo identity numbers worth trying (from <data-dir>/demo-try-it.json, written on the first start): an
ordinary resident, a 低保 recipient who consented to HOUSING's purpose, and one person of each planted case.`;

// Chinese characters take two columns of a terminal.
const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2E80-\uFFEF]/.test(char) ? 2 : 1), 0);
const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

/** `hub demo try-it`: the try-it list as a table. */
export async function demoCommand(args: string[], context: CommandContext): Promise<void> {
  if (args[0] !== 'try-it') {
    console.log(USAGE);
    if (args[0] !== 'help' && args[0] !== '--help') process.exitCode = 2;
    return;
  }
  const list = readTryItList(resolveDataDirectory(context.dataDirectory));
  const rows: string[][] = [
    ['kind', 'identity number', 'name', 'HOUSING consent', 'what it shows'],
    ...list.persons.map((person: TryItPerson) => [
      person.kind,
      person.idNumber,
      person.name,
      person.housingConsent ? 'yes' : 'no',
      person.shows,
    ]),
  ];
  const columns = rows[0]?.map((_, c) => Math.max(...rows.map((row) => width(row[c] ?? '')))) ?? [];
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => pad(cell, c === row.length - 1 ? 0 : (columns[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  console.log(
    `\nPartner queries declare x-hub-purpose: ${list.purpose}; the planted cases are true as of ${list.asOf}.`,
  );
}
