-- The team's sample for rehearse --data: what production looks like where synthetic rows cannot
-- know it. Currencies are ISO codes (the invariant currency-is-iso), none is NULL any more (the
-- 2019 backfill), and the mix follows production: most orders in EUR, then GBP and USD.
INSERT INTO buyers (id, email, country)
SELECT g, 'buyer' || g || '@example.com', (ARRAY['DE', 'GB', 'US', 'FR'])[1 + g % 4]
FROM generate_series(1, 20000) AS g;

INSERT INTO orders (id, buyer_id, state, currency, total_minor, placed_at, updated_at)
SELECT g,
       1 + g % 20000,
       (ARRAY['cart', 'placed', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 6]::order_state,
       (ARRAY['EUR', 'EUR', 'EUR', 'GBP', 'USD'])[1 + g % 5],
       100 + g % 50000,
       CASE WHEN g % 6 = 0 THEN NULL ELSE timestamptz '2024-01-01' + g * interval '1 minute' END,
       timestamptz '2024-01-01' + g * interval '1 minute'
FROM generate_series(1, 100000) AS g;
