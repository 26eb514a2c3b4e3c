-- The expected schema of the drift golden files; DriftDatabase builds a database from it and
-- then changes it the way hotfixes and a failed migration did.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE customers (
  id bigint PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  customer_email text,
  status order_status NOT NULL DEFAULT 'new',
  total numeric(12, 2) NOT NULL DEFAULT 0,
  CONSTRAINT orders_total_check CHECK (total >= 0)
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE UNIQUE INDEX orders_customer_email_key ON orders (customer_email);

CREATE TABLE "Audit Log" (
  "Entry ID" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message text NOT NULL
);
