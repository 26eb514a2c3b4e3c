-- Payouts service, PostgreSQL 14. Idempotency keys are checked by the application only.
CREATE TYPE payout_status AS ENUM ('requested', 'processing', 'paid', 'returned', 'cancelled');

CREATE TABLE sellers (
  id bigint PRIMARY KEY,
  legal_name text NOT NULL,
  tax_id text NOT NULL,
  bank_account_ref text
);

CREATE TABLE payouts (
  id bigint PRIMARY KEY,
  seller_id bigint NOT NULL REFERENCES sellers (id),
  idempotency_key text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency char(3) NOT NULL DEFAULT 'BRL',
  status payout_status NOT NULL DEFAULT 'requested',
  requested_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz
);

CREATE INDEX payouts_seller_id_requested_at_idx ON payouts (seller_id, requested_at);
CREATE INDEX payouts_status_idx ON payouts (status);
