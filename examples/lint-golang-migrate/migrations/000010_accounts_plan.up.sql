ALTER TABLE accounts ADD COLUMN plan text NOT NULL;
UPDATE accounts SET plan = 'free';
