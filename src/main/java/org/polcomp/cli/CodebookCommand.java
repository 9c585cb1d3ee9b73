package org.polcomp.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.report.diagnostics.DiagnosticFormat;
import org.polcomp.report.diagnostics.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polcomp codebook}: prints the default codebook, or checks a user's codebook. */
@Command(name = "codebook", mixinStandardHelpOptions = true,
    description = {"Print the default codebook (YAML, commented, ready to copy and edit),",
        "or check a user codebook with --check FILE."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed, or the codebook is valid", "1:the checked codebook is invalid",
        "2:usage error", "3:input/output failure"})
final class CodebookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the codebook to FILE instead of standard output.")
  Path output;

  @Option(names = "--check", paramLabel = "FILE",
      description = "Validate a user codebook and report its problems as file:line:col.")
  Path check;

  @Override
  public Integer call() throws IOException {
    if (check != null) {
      return check();
    }
    String text = CodebookLoader.defaultText();
    Outputs.text(output, text, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private int check() throws IOException {
    Pipeline.requireExists(check);
    CodebookLoader loader = new CodebookLoader(Limits.DEFAULT);
    CodebookLoader.Result r = loader.load(check, loader.defaults());
    var sorted = r.diagnostics().stream().sorted(Diagnostic.ORDER).toList();
    int errors = (int) sorted.stream().filter(Diagnostic::isError).count();
    StringWriter w = new StringWriter();
    DiagnosticFormat.TEXT.write(sorted,
        new RunSummary(1, 0, 0, errors, sorted.size() - errors,
            List.of(org.polcomp.load.DatasetLoader.display(check)), Main.version()), w);
    spec.commandLine().getOut().print(w);
    spec.commandLine().getOut().flush();
    return errors > 0 ? ExitCode.INVALID : ExitCode.OK;
  }
}
