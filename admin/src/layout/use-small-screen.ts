import { type Theme, useMediaQuery } from '@mui/material';

/** A phone's width (MUI's `sm` breakpoint and below): lists and tables switch to a layout one column wide. */
export function useSmallScreen(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
}
