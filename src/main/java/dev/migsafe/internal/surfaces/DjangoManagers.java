package dev.migsafe.internal.surfaces;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * What binds a model to code that does not name it, in one Python file: a manager class the
 * model installs ({@code objects = UserManager()}), and a signal receiver the model sends to
 * ({@code @receiver(pre_save, sender=Article)}).
 */
final class DjangoManagers {
  private DjangoManagers() {}

  /**
   * The manager classes that one top-level class of the file installs, when that class is one
   * of the models. A manager that two classes install is left out, whether or not the other
   * is a model looked for: its {@code self.model} is either.
   */
  static Map<String, OrmModel> of(SyntaxSource src, List<OrmModel> models) {
    Map<String, String> installer = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (TSNode top : SyntaxSource.namedChildren(src.root())) {
      TSNode cls = top.getType().equals("decorated_definition")
          ? SyntaxSource.field(top, "definition") : top;
      if (cls == null || !cls.getType().equals("class_definition")) {
        continue;
      }
      String className = src.text(SyntaxSource.field(cls, "name"));
      for (TSNode st : PythonNames.statements(cls)) {
        TSNode right = st.getType().equals("assignment") ? SyntaxSource.field(st, "right")
            : null;
        TSNode fn = right == null || !right.getType().equals("call") ? null
            : SyntaxSource.field(right, "function");
        if (fn != null && fn.getType().equals("identifier")) {
          String before = installer.putIfAbsent(src.text(fn), className);
          if (before != null && !before.equals(className)) {
            shared.add(src.text(fn));
          }
        }
      }
    }
    Map<String, OrmModel> out = new HashMap<>();
    installer.forEach((manager, className) -> {
      OrmModel model = ModelNames.byClass(models, className);
      if (model != null && !shared.contains(manager)) {
        out.put(manager, model);
      }
    });
    return out;
  }

  /**
   * The model a decorated function receives the signals of ({@code @receiver(..., sender=
   * Article)}) when it takes Django's {@code instance} argument by name; else null.
   */
  static OrmModel signalSender(SyntaxSource src, TSNode decorated, List<OrmModel> models) {
    TSNode fn = SyntaxSource.field(decorated, "definition");
    if (fn == null || !fn.getType().equals("function_definition") || !takesInstance(src, fn)) {
      return null;
    }
    for (TSNode d : SyntaxSource.namedChildren(decorated)) {
      TSNode call = d.getType().equals("decorator") && d.getNamedChildCount() > 0
          ? d.getNamedChild(0) : null;
      TSNode name = call == null || !call.getType().equals("call") ? null
          : SyntaxSource.field(call, "function");
      if (name == null || !PythonNames.lastPart(src.text(name)).equals("receiver")) {
        continue;
      }
      TSNode sender = PythonNames.keyword(src, SyntaxSource.field(call, "arguments"), "sender");
      if (sender != null && (sender.getType().equals("identifier")
          || sender.getType().equals("attribute"))) {
        return ModelNames.byClass(models, PythonNames.lastPart(src.text(sender)));
      }
    }
    return null;
  }

  private static boolean takesInstance(SyntaxSource src, TSNode fn) {
    TSNode params = SyntaxSource.field(fn, "parameters");
    for (TSNode p : params == null ? List.<TSNode>of() : SyntaxSource.namedChildren(params)) {
      TSNode name = p.getType().equals("identifier") ? p : SyntaxSource.field(p, "name");
      if (name != null && name.getType().equals("identifier")
          && src.text(name).equals("instance")) {
        return true;
      }
    }
    return false;
  }
}
