package dev.migsafe.surfaces;

import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the ORM readers' tests share: a migration's targets, surfaces as one line each. */
final class FixtureSurfaces {
  private FixtureSurfaces() {}

  /** The targets of a migration file, as {@code surfaces --sql} reads them. */
  static List<SurfaceTarget> targetsOf(Path migration) throws IOException {
    return SurfaceTargets.of(migration.getFileName().toString(), Files.readString(migration));
  }

  /** {@code PATH:LINE:ACCESS:HOW:CERTAINTY} for each surface of the target, in order. */
  static List<String> places(SurfaceScan.Report r, SurfaceTarget t) {
    return r.of(t).stream().map(s -> s.path() + ":" + s.line() + ":" + s.access().id() + ":"
        + s.how() + ":" + s.certainty().id()).toList();
  }

  /** {@code PATH:LINE:...} of a scan of one root for one target. */
  static List<String> places(Path root, SurfaceTarget t) {
    return places(SurfaceScan.scan(List.of(root), t), t);
  }

  static void write(Path repo, String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
