package dev.migsafe.api;

import java.nio.file.Path;

/**
 * A migration proposed for a packet, to be checked by {@code Migsafe.checkMigration}.
 *
 * @param packet the packet file the migration is for
 * @param up the forward SQL
 * @param down the rollback SQL, or null when none was proposed
 * @param pgBinaries where PostgreSQL installations are, or null for the default lookup (as
 *     {@code rehearse --pg-binaries})
 */
public record CheckRequest(Path packet, String up, String down, Path pgBinaries) {
  public CheckRequest {
    if (packet == null || up == null) {
      throw MigsafeException.badInput("a check needs a packet and the up SQL");
    }
  }

  public CheckRequest(Path packet, String up, String down) {
    this(packet, up, down, null);
  }
}
