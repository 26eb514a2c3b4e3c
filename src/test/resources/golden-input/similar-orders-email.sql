-- V42__orders_email.sql
ALTER TABLE orders ADD COLUMN customer_email text;
UPDATE orders o SET customer_email = c.email FROM customers c WHERE c.id = o.customer_id;
ALTER TABLE orders ALTER COLUMN customer_email SET NOT NULL;
