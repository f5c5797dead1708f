import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';

interface Attachment {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  addedAt: string;
}

/** The files kept with the case, each with the SHA-256 the hub computed when it was attached. */
export function CaseAttachments() {
  const found = useRecordContext();
  const translate = useTranslate();
  const attachments: Attachment[] = found?.attachments ?? [];
  if (attachments.length === 0) {
    return <Typography color="text.secondary">{translate('hub.cases.no_attachments')}</Typography>;
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="case-attachments">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.cases.file_name')}</TableCell>
            <TableCell>{translate('hub.cases.size_bytes')}</TableCell>
            <TableCell>SHA-256</TableCell>
            <TableCell>{translate('hub.cases.added_at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {attachments.map((attachment) => (
            <TableRow key={attachment.id}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{attachment.fileName}</TableCell>
              <TableCell>{attachment.sizeBytes}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{attachment.sha256}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatChinaTime(attachment.addedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
