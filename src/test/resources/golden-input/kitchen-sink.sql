-- A migration that does a little of everything, for the golden files.
SET lock_timeout = '3s';
SET statement_timeout = '10min';

CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  happened timestamp NOT NULL DEFAULT now(),
  body json,
  code char(2)
);
ALTER TABLE audit_log ADD COLUMN actor text NOT NULL;

BEGIN;
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);
ALTER TABLE orders ALTER COLUMN amount TYPE bigint;
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
COMMIT;

CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX CONCURRENTLY orders_token_idx ON orders (token);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
-- migsafe:ignore pg-add-column-volatile-default reviewed: the table is tiny
ALTER TABLE customers ADD COLUMN ref uuid DEFAULT gen_random_uuid();
-- migsafe:ignore pg-drop-table no reason given below
ALTER TABLE customers RENAME COLUMN name TO full_name;
-- migsafe:ignore pg-truncate
UPDATE orders SET status = 'archived';
ALTER TYPE mood ADD VALUE 'happy';
FROBNICATE orders;
DELETE FROM customers WHERE id IN (SELECT id FROM customers WHERE email IS NULL LIMIT 1000);
