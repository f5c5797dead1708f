/** How each state of a verification request is shown: reported is done, checking is under way. */
export const REQUEST_STATUS_TONES = { SUBMITTED: 'default', CHECKING: 'info', REPORTED: 'success' } as const;
