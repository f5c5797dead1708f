import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { ENUMS, enumLabel } from '../enums.ts';
import { readPurpose, savePurpose } from '../hub-session.ts';

/** The purpose person queries declare (`x-hub-purpose`): agreements grant items per purpose, and it is audited. */
export function PurposeSelect() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [purpose, setPurpose] = useState(readPurpose());
  return (
    <TextField
      select
      size="small"
      label={translate('hub.purpose.label')}
      value={purpose}
      sx={{ minWidth: 240 }}
      data-testid="purpose-select"
      onChange={(event) => {
        savePurpose(event.target.value);
        setPurpose(event.target.value);
        refresh();
      }}
    >
      {ENUMS.Purpose.map((value) => (
        <MenuItem key={value} value={value}>
          {translate(enumLabel('Purpose', value))}
        </MenuItem>
      ))}
    </TextField>
  );
}
