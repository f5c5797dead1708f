-- CreateIndex
-- persons(name:) matches a name or its beginning (LIKE 'prefix%'): text_pattern_ops serves that in any collation.
CREATE INDEX "persons_name_idx" ON "persons"("name" text_pattern_ops);
