-- email_verified becomes a boolean: a new column, filled, then put in the old one's place.
ALTER TABLE "users" ADD COLUMN "email_verified_boolean" BOOLEAN;
UPDATE "users" SET "email_verified_boolean" = "email_verified" IS NOT NULL;
ALTER TABLE "users" DROP COLUMN "email_verified";
ALTER TABLE "users" RENAME COLUMN "email_verified_boolean" TO "email_verified";
