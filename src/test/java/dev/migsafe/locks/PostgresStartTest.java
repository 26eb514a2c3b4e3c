package dev.migsafe.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both servers under test start and report the major version they claim. */
class PostgresStartTest {
  static String[] versions() {
    return PostgresServers.oldestAndNewest();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void serverReportsItsVersion(String version) throws SQLException {
    try (Connection c = PostgresServers.server(version).getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
      assertThat(rs.next()).isTrue();
      assertThat(Integer.parseInt(rs.getString(1)) / 10000)
          .isEqualTo(PostgresServers.major(version));
    }
  }
}
