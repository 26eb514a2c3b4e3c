package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table and column mapping of a Prisma schema ({@code schema.prisma}): each model's table
 * ({@code @@map("orders")}, else the model's name as written) and each scalar field's column
 * ({@code @map("email_address")}, else the field's name). Relation fields (whose type is
 * another model) hold no column. No Java library reads Prisma's schema language; the subset
 * read here (model blocks, one field per line, the two attributes) is line-based in the
 * language itself.
 */
final class PrismaSchema {
  /** The accessor name on the client: {@code prisma.orderItem} for {@code OrderItem}. */
  static String clientName(OrmModel model) {
    return Character.toLowerCase(model.name().charAt(0)) + model.name().substring(1);
  }

  private static final Pattern MODEL = Pattern.compile("^\\s*model\\s+(\\w+)\\s*\\{");
  private static final Pattern FIELD = Pattern.compile("^(\\s*)(\\w+)\\s+(\\w+)(\\[])?\\??(.*)$");
  private static final Pattern MAP = Pattern.compile("(?<!@)@map\\(\\s*(?:name:\\s*)?\"([^\"]*)\"");
  private static final Pattern TABLE_MAP =
      Pattern.compile("^\\s*@@map\\(\\s*(?:name:\\s*)?\"([^\"]*)\"");

  private PrismaSchema() {}

  static List<OrmModel> read(String path, String text) {
    String[] lines = text.split("\n", -1);
    Set<String> models = new HashSet<>();
    for (String l : lines) {
      Matcher m = MODEL.matcher(l);
      if (m.find()) {
        models.add(m.group(1));
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MODEL.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String name = m.group(1);
      int start = i;
      String table = name;
      List<OrmModel.Field> fields = new ArrayList<>();
      for (i++; i < lines.length && !lines[i].strip().startsWith("}"); i++) {
        String line = stripComment(lines[i]);
        Matcher t = TABLE_MAP.matcher(line);
        if (t.find()) {
          table = t.group(1);
          continue;
        }
        Matcher f = FIELD.matcher(line);
        if (!f.matches() || models.contains(f.group(3))) {
          continue;
        }
        Matcher map = MAP.matcher(f.group(5));
        fields.add(new OrmModel.Field(f.group(2), map.find() ? map.group(1) : f.group(2), path, i + 1,
            f.group(1).length() + 1, f.group(3)));
      }
      out.add(new OrmModel(Orm.PRISMA, name, table, path, start + 1,
          1, fields));
    }
    return out;
  }

  private static String stripComment(String line) {
    int c = line.indexOf("//");
    return c < 0 ? line : line.substring(0, c);
  }
}
