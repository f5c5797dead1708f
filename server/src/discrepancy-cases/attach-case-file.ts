import { createHash } from 'node:crypto';
import type { DiscrepancyCaseActor, DiscrepancyCaseFile } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/**
 * Keeps a small file with the case, in the database with its SHA-256 (so the evidence travels with the database's
 * backups and cannot be swapped unseen); an open case is then in progress.
 */
export function attachCaseFile(
  pool: pg.Pool,
  caseId: string,
  file: DiscrepancyCaseFile,
  actor: DiscrepancyCaseActor,
  maxBytes: number,
): Promise<{ id: string }> {
  const content = Buffer.from(file.contentBase64, 'base64');
  const fileName = file.fileName.trim();
  if (!fileName) throw badUserInputError('BLANK_VALUE', 'fileName: name the file', { field: 'fileName' });
  if (content.length === 0) throw badUserInputError('BLANK_VALUE', 'content: the file is empty', { field: 'content' });
  if (content.length > maxBytes) {
    throw badUserInputError('ATTACHMENT_TOO_LARGE', `the file is over ${maxBytes} bytes: attach a smaller scan`, {
      maxBytes,
      sizeBytes: content.length,
    });
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    const status = nextCaseStatus('ATTACH', found.status);
    const added = await client.query<{ id: string }>(
      `INSERT INTO discrepancy_case_attachments (case_id, file_name, media_type, size_bytes, sha256, content, added_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [caseId, fileName, file.mediaType, content.length, sha256, content, actor.userId],
    );
    await client.query(`UPDATE discrepancy_cases SET status = $2::"DiscrepancyCaseStatus" WHERE id = $1`, [
      caseId,
      status,
    ]);
    const attachmentId = (added.rows[0] as { id: string }).id;
    return { type: 'ATTACHMENT_ADDED', details: { attachmentId, fileName, sha256, sizeBytes: content.length } };
  });
}
