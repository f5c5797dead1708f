-- Resuming a suspended agreement makes it grant again: a change with an event of its own.
ALTER TYPE "AuditEventType" ADD VALUE IF NOT EXISTS 'AGREEMENT_RESUMED' AFTER 'AGREEMENT_SUSPENDED';
