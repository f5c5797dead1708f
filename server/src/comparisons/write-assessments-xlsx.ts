import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ASSESSMENT_COLUMNS, type ExportForm } from './assessment-export-columns.ts';

/** The header row of an export: the data form's snake_case names, or the headings in the reader's language. */
export const assessmentHeaders = (form: ExportForm) =>
  ASSESSMENT_COLUMNS.map((column) => (form === 'data' ? column.name : column.heading[form]));

/**
 * Writes a run's results as one XLSX sheet with the CSV's columns, row by row through exceljs' streaming writer:
 * each row is committed (written out and forgotten) as it comes, so a million rows never form a workbook in memory.
 * Amounts are numbers: integer fen in the data form, yuan shown with two decimals in the readable one.
 */
export async function writeAssessmentsXlsx(
  rows: AsyncIterable<(string | null)[]>,
  output: Writable,
  form: ExportForm = 'data',
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: form !== 'data',
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(form === 'zh-CN' ? '核对结果' : 'assessments');
  sheet.addRow(assessmentHeaders(form)).commit();
  for await (const row of rows) {
    const added = sheet.addRow(
      row.map((value, index) => {
        const type = ASSESSMENT_COLUMNS[index]?.type;
        // A withheld column says so in words, in every form.
        return value !== null && type !== 'text' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      }),
    );
    if (form !== 'data') {
      ASSESSMENT_COLUMNS.forEach((column, index) => {
        if (column.type === 'fen') added.getCell(index + 1).numFmt = '0.00';
      });
    }
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}
