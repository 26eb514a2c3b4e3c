CREATE TABLE customers (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE
);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  status text NOT NULL DEFAULT 'pending',
  total numeric(12,2) NOT NULL CHECK (total >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- One row per order that has a shipping address; the address is verified by the shipping
-- service, which writes verified_at.
CREATE TABLE addresses (
  order_id bigint PRIMARY KEY REFERENCES orders (id),
  address jsonb NOT NULL,
  verified_at timestamptz
);
CREATE INDEX addresses_verified_at_idx ON addresses (verified_at);
