-- An administrator's password reset is a typed administrative change like a user's role or disabling.
ALTER TYPE "AuditEventType" ADD VALUE 'USER_PASSWORD_RESET' AFTER 'USER_ROLE_CHANGED';
