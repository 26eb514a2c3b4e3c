ALTER TABLE owners RENAME COLUMN telephone TO phone;
ALTER TABLE pets DROP COLUMN birth_date;
