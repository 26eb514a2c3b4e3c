EMAIL_COLUMN = "email"
QUERY = ("DELETE FROM orders "
         "WHERE email IS NULL AND created_at < %(cutoff)s")
