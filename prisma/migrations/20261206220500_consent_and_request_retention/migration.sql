-- Retention of consents that ended and verification requests closed long ago: each purge is recorded as a typed
-- event in the audit trail (the row itself is deleted; the event keeps its description).
ALTER TYPE "AuditEventType" ADD VALUE 'CONSENT_PURGED' AFTER 'CONSENT_WITHDRAWN';
ALTER TYPE "AuditEventType" ADD VALUE 'VERIFICATION_REQUEST_PURGED' BEFORE 'SNAPSHOT_SWITCHED';
