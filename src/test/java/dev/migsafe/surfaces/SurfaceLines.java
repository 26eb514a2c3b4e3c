package dev.migsafe.surfaces;

import dev.migsafe.api.Surface;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Surfaces as the ORM tests compare them, one line each: {@code FILE:LINE:ACCESS:HOW:CERTAINTY}
 * with the file's name only, so a fixture's deep Java packages stay readable.
 */
final class SurfaceLines {
  private SurfaceLines() {}

  static List<String> of(List<Surface> surfaces) {
    return surfaces.stream().map(s -> s.path().substring(s.path().lastIndexOf('/') + 1) + ":"
        + s.line() + ":" + s.access().id() + ":" + s.how() + ":" + s.certainty().id()).toList();
  }

  /** Every surface of the target in the repository. */
  static List<String> found(Path root, SurfaceTarget target) {
    return of(SurfaceScan.scan(List.of(root), target).surfaces());
  }

  /** The targets of a fixture's migration under {@code migration/}. */
  static List<SurfaceTarget> migration(Path fixture, String file) throws IOException {
    return SurfaceTargets.of(file, Files.readString(fixture.resolve("migration").resolve(file)));
  }
}
