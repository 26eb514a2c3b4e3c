-- Payments service, PostgreSQL 15, after the rename of psp_reference to provider_reference.
CREATE TYPE payment_status AS ENUM ('pending', 'authorized', 'captured', 'refunded', 'failed');

CREATE TABLE merchants (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  country char(2) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
  id bigint PRIMARY KEY,
  merchant_id bigint NOT NULL REFERENCES merchants (id),
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  status payment_status NOT NULL DEFAULT 'pending',
  provider text NOT NULL,
  provider_reference text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payments_amount_positive CHECK (amount_cents > 0)
);

CREATE INDEX payments_merchant_id_created_at_idx ON payments (merchant_id, created_at);
CREATE UNIQUE INDEX payments_provider_reference_key ON payments (provider, provider_reference);
