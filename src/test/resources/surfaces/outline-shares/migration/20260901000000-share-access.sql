ALTER TABLE shares DROP COLUMN "lastAccessedAt";
ALTER TABLE shares RENAME COLUMN "urlId" TO "slug";
