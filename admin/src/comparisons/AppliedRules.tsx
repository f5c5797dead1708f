import { citePolicyDocument } from '@hub/schema/comparisons/cite-policy-document';
import { type StoredAppliedRule, sayAppliedRule } from '@hub/schema/comparisons/say-applied-rule';
import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  type Theme,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';

export interface AppliedRule {
  rule: string;
  document: string | null;
  paragraph: string | null;
  holds: boolean | null;
  /** The figures compared, as the hub's JSON. */
  figures: string | null;
}

/**
 * The rules a decision applied: each rule, its citation, whether it held and what it compared, in words. A table on
 * a wide screen; on a phone one block per rule, as four columns would leave each a character or two wide.
 */
export function AppliedRules({ rules }: { rules: readonly AppliedRule[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale.startsWith('zh') ? 'zh-CN' : 'en';
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const shown = rules.map((applied) => {
    const citation = applied.document ? { document: applied.document, paragraph: applied.paragraph ?? '' } : null;
    const stored = {
      rule: applied.rule as StoredAppliedRule['rule'],
      citation,
      holds: applied.holds,
      figures: JSON.parse(applied.figures ?? '{}') as Record<string, unknown>,
    };
    return {
      title: translate(enumLabel('PolicyRule', applied.rule), { _: applied.rule }),
      citation: citePolicyDocument(citation, language),
      holds: applied.holds === null ? '—' : translate(applied.holds ? 'hub.runs.holds_yes' : 'hub.runs.holds_no'),
      // Said by the hub's own words for every rule (the report and the exports say the same), in the reader's language.
      compared: sayAppliedRule(stored, language),
    };
  });
  if (phone) {
    return (
      <Stack data-testid="applied-rules" divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />} spacing={1}>
        {shown.map((rule, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the applied rules are a fixed list, and one rule may apply twice
          <Box key={index}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle2">{rule.title}</Typography>
              <Chip size="small" label={`${translate('hub.runs.holds')}：${rule.holds}`} />
            </Stack>
            <Typography variant="body2">{rule.compared}</Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('hub.runs.citation')}：{rule.citation}
            </Typography>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="applied-rules">
        <TableHead>
          <TableRow>
            <TableCell>{translate('hub.runs.rule')}</TableCell>
            <TableCell>{translate('hub.runs.citation')}</TableCell>
            <TableCell>{translate('hub.runs.holds')}</TableCell>
            <TableCell>{translate('hub.runs.compared')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the applied rules are a fixed list, and one rule may apply twice
            <TableRow key={index}>
              <TableCell>{rule.title}</TableCell>
              <TableCell>{rule.citation}</TableCell>
              <TableCell>{rule.holds}</TableCell>
              <TableCell>{rule.compared}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
