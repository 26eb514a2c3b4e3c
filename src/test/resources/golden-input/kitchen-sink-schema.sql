CREATE TABLE customers (id bigint PRIMARY KEY, email text, name varchar(50));
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint,
  total numeric(10,2),
  note varchar(20),
  status text,
  amount integer NOT NULL
);
CREATE TYPE mood AS ENUM ('sad', 'ok');
