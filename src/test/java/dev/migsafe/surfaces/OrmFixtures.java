package dev.migsafe.surfaces;

import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the ORM surface tests share: writing a small repository, and a surface as one line. */
final class OrmFixtures {
  private OrmFixtures() {}

  /** Each surface of a target as {@code path:line:access:how:certainty}. */
  static List<String> places(SurfaceScan.Report r, SurfaceTarget t) {
    return r.of(t).stream().map(s -> s.path() + ":" + s.line() + ":" + s.access().id() + ":"
        + s.how() + ":" + s.certainty().id()).toList();
  }

  static void write(Path repo, String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
