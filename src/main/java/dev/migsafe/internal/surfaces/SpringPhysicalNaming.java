package dev.migsafe.internal.surfaces;

import java.util.Locale;

/**
 * Spring Boot's default physical naming of JPA tables and columns
 * ({@code CamelCaseToUnderscoresNamingStrategy}, formerly {@code SpringPhysicalNamingStrategy}):
 * a dot becomes {@code _}, an upper-case letter between a lower-case letter or digit and a
 * lower-case letter or digit gets an {@code _} before it, and the whole name is lower-cased.
 * It applies to every name, those given in {@code @Table} and {@code @Column} too, so
 * {@code firstName} and {@code @Column(name = "firstName")} are both {@code first_name}. A
 * quoted name ({@code "\"Order\""}) is kept as written.
 *
 * <p>Plain Hibernate (no Spring Boot) keeps the logical name, which PostgreSQL then folds to
 * {@code firstname}. Spring Boot is what most JPA applications run on, so its naming is the
 * one read; an application that sets {@code spring.jpa.hibernate.naming.physical-strategy}
 * otherwise names its columns explicitly in practice.
 */
final class SpringPhysicalNaming {
  private SpringPhysicalNaming() {}

  static String apply(String logical) {
    if (logical.length() >= 2 && (logical.startsWith("\"") && logical.endsWith("\"")
        || logical.startsWith("`") && logical.endsWith("`"))) {
      return logical.substring(1, logical.length() - 1);
    }
    StringBuilder b = new StringBuilder(logical.replace('.', '_'));
    for (int i = 1; i < b.length() - 1; i++) {
      if (underscoreRequired(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) {
        b.insert(i++, '_');
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean underscoreRequired(char before, char current, char after) {
    return (Character.isLowerCase(before) || Character.isDigit(before))
        && Character.isUpperCase(current)
        && (Character.isLowerCase(after) || Character.isDigit(after));
  }
}
