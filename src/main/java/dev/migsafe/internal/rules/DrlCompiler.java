package dev.migsafe.internal.rules;

import dev.migsafe.api.MigsafeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/** Compiles DRL sources into a KieBase; any compile error is an internal error listing all. */
public final class DrlCompiler {
  private DrlCompiler() {}

  public static KieBase compile(Map<String, String> drlByPath) {
    KieHelper helper = new KieHelper();
    drlByPath.forEach((path, text) -> helper.addResource(
        ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
            .setSourcePath(path),
        ResourceType.DRL));
    Results results = helper.verify();
    List<String> errors = results.getMessages(Message.Level.ERROR).stream()
        .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText()).toList();
    if (!errors.isEmpty()) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "rules do not compile:\n" + String.join("\n", errors));
    }
    return helper.build();
  }
}
