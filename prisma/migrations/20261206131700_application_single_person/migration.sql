-- 单人户 on an application: the severely disabled or critically ill member a verification request asks to enrol
-- alone (yinchuan-2021 二(四)); the APPLICATION run then assesses that member alone, as it does for such a case.

-- AlterTable
ALTER TABLE "applications" ADD COLUMN "single_person_id" UUID;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_single_person_id_fkey" FOREIGN KEY ("single_person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;
