package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.ai.AnswerValidator;
import dev.migsafe.internal.ai.AnswerVerifier;
import dev.migsafe.internal.ai.ModelReply;
import dev.migsafe.internal.ai.ReviewedAnswer;
import dev.migsafe.internal.render.AiReviewRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * What {@code ai PASS} and {@code ai check} share once an answer is at hand: check it against
 * its schema, verify it part by part, render and write the report, and choose the exit code.
 */
final class AiReport {
  /** Output formats of the ai commands. */
  enum Format { md, json, html }

  private AiReport() {}

  /** The answer checked and verified against the packet, or bad input when it is unusable. */
  static ReviewedAnswer review(Migsafe migsafe, AiPass pass, Path packet, String source,
      ModelReply reply, Path pgBinaries, PrintWriter err, String api, String endpoint,
      String exchange) {
    var answer = AnswerValidator.parse(pass, source, reply);
    var plan = migsafe.plan(packet, new PlanOptions(null, null, null));
    var verifier = AnswerVerifier.forPacket(packet, plan,
        request -> migsafe.checkMigration(request, line -> {
          err.println("migsafe: " + line);
          err.flush();
        }), pgBinaries);
    return new ReviewedAnswer(api, endpoint, reply.model(), exchange,
        verifier.verify(pass, answer));
  }

  /** Writes the report; exit 1 when migsafe refuted a part or the check failed. */
  static int emit(List<ReviewedAnswer> answers, Format format, Path out,
      CommandLine.Model.CommandSpec spec) {
    String rendered = switch (format) {
      case md -> AiReviewRenderer.markdown(answers);
      case json -> AiReviewRenderer.json(answers);
      case html -> AiReviewRenderer.html(answers);
    };
    Output.emit(spec, out, rendered);
    boolean failed = answers.stream()
        .anyMatch(a -> a.review().verdict() == MigrationCheck.Verdict.FAIL);
    return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }
}
