package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prisma: the models of {@code schema.prisma} (and of the {@code .prisma} files of a split
 * schema), and the client calls on their accessors in TypeScript and JavaScript.
 */
final class PrismaOrm implements OrmRecogniser {
  @Override
  public Orm orm() {
    return Orm.PRISMA;
  }

  @Override
  public boolean readsMappings(String path, SourceLanguage language) {
    return path.toLowerCase(Locale.ROOT).endsWith(".prisma");
  }

  @Override
  public List<OrmModel> mappings(String path, SourceLanguage language, String text) {
    return PrismaSchema.read(path, text);
  }

  /**
   * A schema split over several files ({@code prisma/models/*.prisma}) declares a relation to
   * a model of another file: only with every file read is its field known to hold no column.
   */
  @Override
  public List<OrmModel> link(List<OrmModel> declared) {
    java.util.Set<String> models = new java.util.HashSet<>();
    declared.forEach(m -> models.add(m.name()));
    return declared.stream().map(m -> m.withFields(f -> !models.contains(f.type()))).toList();
  }

  @Override
  public boolean mayUse(SourceLanguage language, String text, OrmModel model) {
    return isScript(language) && text.contains(PrismaSchema.clientName(model));
  }

  @Override
  public List<OrmUse> uses(String path, SourceLanguage language, String text,
      List<OrmModel> models) {
    List<OrmUse> out = new ArrayList<>();
    if (isScript(language)) {
      for (OrmModel m : models) {
        out.addAll(PrismaClientUses.of(language, text, m));
      }
    }
    return out;
  }

  private static boolean isScript(SourceLanguage language) {
    return language == SourceLanguage.TYPESCRIPT || language == SourceLanguage.TSX
        || language == SourceLanguage.JAVASCRIPT;
  }
}
