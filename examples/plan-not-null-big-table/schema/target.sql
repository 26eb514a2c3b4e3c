-- Marketplace orders, PostgreSQL 11, with a currency on every order.
CREATE TYPE order_state AS ENUM ('cart', 'placed', 'paid', 'shipped', 'delivered', 'cancelled');

CREATE TABLE buyers (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  country char(2) NOT NULL
);

CREATE TABLE orders (
  id bigint PRIMARY KEY,
  buyer_id bigint NOT NULL REFERENCES buyers (id),
  state order_state NOT NULL DEFAULT 'cart',
  currency char(3) NOT NULL,
  total_minor bigint NOT NULL DEFAULT 0,
  placed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_buyer_id_placed_at_idx ON orders (buyer_id, placed_at);
CREATE INDEX orders_state_updated_at_idx ON orders (state, updated_at);
