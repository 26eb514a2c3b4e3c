-- Billing, PostgreSQL 15, after the change: amounts up to 999,999,999,999.99. The finance
-- reports read invoices through two views: monthly revenue per currency, and the large
-- invoices of that month built on it.
CREATE TABLE customers (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  currency char(3) NOT NULL,
  amount numeric(14,2) NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_customer_id_idx ON invoices (customer_id);

CREATE VIEW invoice_revenue AS
  SELECT date_trunc('month', i.issued_at) AS month, i.currency, sum(i.amount) AS revenue,
         count(*) AS invoices
  FROM invoices i
  GROUP BY 1, 2;

CREATE VIEW invoice_large AS
  SELECT i.id, i.customer_id, i.currency, i.amount, r.revenue AS month_revenue
  FROM invoices i
  JOIN invoice_revenue r ON r.month = date_trunc('month', i.issued_at) AND r.currency = i.currency
  WHERE i.amount >= 10000;

-- The reporting tools connect with roles of their own; every role may read the reports.
GRANT SELECT ON invoice_revenue TO PUBLIC;
GRANT SELECT ON invoice_large TO PUBLIC;
