-- The columns are no longer read or written by the app.
ALTER TABLE "comments" DROP COLUMN "guest_id";
ALTER TABLE "participants" DROP COLUMN "guest_id";
ALTER TABLE "polls" DROP COLUMN "guest_id";
