import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ASSESSMENT_COLUMNS } from './assessment-export-columns.ts';

/**
 * Writes a run's results as one XLSX sheet with the CSV's columns, row by row through exceljs' streaming writer:
 * each row is committed (written out and forgotten) as it comes, so a million rows never form a workbook in memory.
 * Amounts stay integers (fen), as in the CSV.
 */
export async function writeAssessmentsXlsx(rows: AsyncIterable<(string | null)[]>, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('assessments');
  sheet.addRow(ASSESSMENT_COLUMNS.map((column) => column.name)).commit();
  for await (const row of rows) {
    sheet
      .addRow(
        row.map((value, index) =>
          value !== null && ASSESSMENT_COLUMNS[index]?.type === 'integer' ? Number(value) : value,
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
