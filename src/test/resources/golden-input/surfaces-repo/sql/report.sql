SELECT email, count(*) FROM orders JOIN refunds USING (order_id) GROUP BY email;
