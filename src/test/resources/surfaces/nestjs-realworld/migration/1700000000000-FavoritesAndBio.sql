ALTER TABLE "article" DROP COLUMN "favoriteCount";
ALTER TABLE "user" RENAME COLUMN "bio" TO "about";
