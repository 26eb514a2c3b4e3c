-- Customer accounts, PostgreSQL 17, without the legacy loyalty points.
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  full_name text NOT NULL,
  marketing_opt_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
CREATE INDEX customers_created_at_idx ON customers (created_at);

CREATE TABLE addresses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  line1 text NOT NULL,
  postcode text NOT NULL,
  country char(2) NOT NULL DEFAULT 'GB'
);

CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);
