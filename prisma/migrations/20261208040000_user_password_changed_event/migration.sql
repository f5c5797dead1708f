-- A user's change of their own password is on record like an administrator's reset: who, when, from where, the
-- sessions it ended; never the password.
ALTER TYPE "AuditEventType" ADD VALUE 'USER_PASSWORD_CHANGED' AFTER 'USER_PASSWORD_RESET';
