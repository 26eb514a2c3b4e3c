package dev.migsafe.internal.surfaces;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds the surfaces of a table or column in code repositories: lists each repository's
 * source files, then reads them in parallel (the tree-sitter parse of each file is independent
 * work), and reports every use with the files left out by reason.
 */
public final class SurfaceScan {
  private SurfaceScan() {}

  /**
   * The report of one scan.
   *
   * @param targets what was looked for
   * @param surfaces every use of any target, ordered by root, path, line and column
   * @param filesRead files read
   * @param skipped paths left out, by reason
   */
  public record Report(List<SurfaceTarget> targets, List<Surface> surfaces, int filesRead,
      Map<SkipReason, Integer> skipped) {

    /** The surfaces of one target. */
    public List<Surface> of(SurfaceTarget t) {
      return surfaces.stream().filter(s -> t.matches(s.table(), s.columnName())).toList();
    }
  }

  public static Report scan(List<Path> roots, SurfaceTarget target) {
    return scan(roots, List.of(target));
  }

  /** Every target in one pass over the files: each file is parsed once. */
  public static Report scan(List<Path> roots, List<SurfaceTarget> targets) {
    List<Surface> surfaces = new ArrayList<>();
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    int read = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw MigsafeException.badInput(root + ": not a directory");
      }
      SourceTree.Listing listing = SourceTree.list(root);
      listing.skipped().forEach((k, v) -> skipped.merge(k, v, Integer::sum));
      // The ORM mappings first: a use through the ORM names a class or field, which only
      // the mapping ties to a table and column.
      OrmMappings.FirstPass first = OrmMappings.read(root, listing, targets);
      List<OrmModel> wanted = first.models().stream()
          .filter(m -> targets.stream().anyMatch(t -> t.matchesTable(m.table()))).toList();
      surfaces.addAll(OrmMappings.surfaces(root, wanted, targets));
      ModelsLookedFor lookedFor = new ModelsLookedFor(wanted, first.modules());
      List<Path> files = listing.files();
      List<SourceFile.Result> results = IntStream.range(0, files.size()).parallel()
          .mapToObj(i -> SourceFile.read(root, files.get(i), targets, lookedFor,
              first.glances().get(i))).toList();
      for (SourceFile.Result r : results) {
        if (r.skipped() != null) {
          skipped.merge(r.skipped(), 1, Integer::sum);
        } else {
          read++;
          surfaces.addAll(r.surfaces());
        }
      }
    }
    surfaces.sort(Comparator.comparing(Surface::root).thenComparing(Surface::path)
        .thenComparingInt(Surface::line).thenComparingInt(Surface::column)
        .thenComparing(s -> s.columnName() == null ? "" : s.columnName()));
    return new Report(targets, List.copyOf(surfaces.stream().distinct().toList()), read,
        skipped);
  }
}
