class OrderRepository {
  private final String email = "support@example.com";

  static final String BY_CUSTOMER = "SELECT o.id, o.email "
      + "FROM orders o JOIN customers c ON c.id = o.customer_id "
      + "WHERE c.id = ?";

  static final String SET_EMAIL = """
      UPDATE orders SET email = ? WHERE id = ?
      """;
}
