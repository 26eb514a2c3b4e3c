ALTER TABLE tagline RENAME COLUMN published TO published_at;

ALTER TABLE tagline RENAME COLUMN updated TO updated_at;
