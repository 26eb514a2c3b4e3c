package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface;
import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import dev.migsafe.api.Surface.RecognisedBy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first pass of a scan: every ORM's models in one repository, and the declarations of the
 * tables and columns looked for as surfaces (an ORM reads and writes every column it maps).
 */
final class OrmMappings {
  private OrmMappings() {}

  /**
   * What the first pass learns: the models, and which script files load which.
   *
   * @param models every ORM's models, joined across files by each ORM
   * @param modules the JavaScript and TypeScript files' imports
   */
  record FirstPass(List<OrmModel> models, ScriptModules modules,
      List<SourceFile.Glance> glances) {}

  /** What one file declares and, for a script, loads, and what was seen of it. */
  private record OfFile(List<OrmModel> models, ScriptModules.Links links,
      SourceFile.Glance glance) {}

  /**
   * @param targets what the scan looks for: the first pass notes, of each file it reads,
   *     whether its SQL can name one ({@link SourceFile.Glance})
   * @return the models, the imports, and a glance at each of the listing's files in its order
   *     (null for a file this pass did not read)
   */
  static FirstPass read(Path root, SourceTree.Listing listing, List<SurfaceTarget> targets) {
    ScriptResolver resolver = ScriptResolver.of(root, listing.files(), listing.manifests());
    List<OfFile> perFile = listing.files().parallelStream()
        .map(f -> read(root, f, resolver, targets)).toList();
    Map<Orm, List<OrmModel>> byOrm = new LinkedHashMap<>();
    List<ScriptModules.Links> links = new ArrayList<>();
    List<SourceFile.Glance> glances = new ArrayList<>(perFile.size());
    for (OfFile of : perFile) {
      glances.add(of.glance());
      for (OrmModel m : of.models()) {
        byOrm.computeIfAbsent(m.orm(), o -> new ArrayList<>()).add(m);
      }
      if (of.links() != null) {
        links.add(of.links());
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      List<OrmModel> declared = byOrm.get(r.orm());
      if (declared != null) {
        out.addAll(r.link(List.copyOf(declared)));
      }
    }
    return new FirstPass(out, new ScriptModules(links), glances);
  }

  private static OfFile read(Path root, Path file, ScriptResolver resolver,
      List<SurfaceTarget> targets) {
    String rel = SourceFile.relative(root, file);
    SourceLanguage language = SourceLanguage.of(file.getFileName().toString());
    List<OrmModel> out = new ArrayList<>();
    String text = null;
    for (OrmRecogniser r : OrmRecognisers.ALL) {
      if (!r.readsMappings(rel, language)) {
        continue;
      }
      if (text == null) {
        SourceFile.Text read = SourceFile.text(file);
        text = read.text();
        if (text == null) {
          return new OfFile(List.of(), null, new SourceFile.Glance(read.skipped(), false));
        }
      }
      if (r.mayDeclare(text, targets)) {
        out.addAll(r.mappings(rel, language, text));
      }
    }
    ScriptModules.Links links = text != null && ScriptOrm.isScript(language)
        ? ScriptModules.Links.of(rel, text, resolver) : null;
    return new OfFile(out, links,
        text == null ? null : SourceFile.Glance.of(file, text, targets));
  }

  /** The model's declaration for a table target, each mapped field's for a column target. */
  static List<Surface> surfaces(Path root, List<OrmModel> models, List<SurfaceTarget> targets) {
    List<Surface> out = new ArrayList<>();
    Map<String, String[]> linesOf = new LinkedHashMap<>();
    for (OrmModel m : models) {
      for (SurfaceTarget t : targets) {
        if (t.matches(m.table(), null)) {
          out.add(surface(root, m, m.path(), m.line(), m.column(), null, linesOf));
        }
        for (OrmModel.Field f : m.fields()) {
          if (t.matches(m.table(), f.columnName())) {
            out.add(surface(root, m, f.path(), f.line(), f.column(), f.columnName(), linesOf));
          }
        }
      }
    }
    return out;
  }

  private static Surface surface(Path root, OrmModel m, String path, int line, int column,
      String columnName, Map<String, String[]> linesOf) {
    String[] lines = linesOf.computeIfAbsent(path, p -> {
      String text = SourceFile.text(root.resolve(p)).text();
      return text == null ? new String[0] : text.split("\n", -1);
    });
    return new Surface(root.toString(), path, line, column, SourceFile.snippet(lines, line),
        m.table(), columnName, Access.READ_WRITE, RecognisedBy.ORM_MAPPING, Certainty.CERTAIN,
        m.orm().id());
  }
}
