ALTER TABLE tagline
    DROP COLUMN local_site_id;
