package org.polcomp.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polcomp.model.Dataset.InputFile;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.diagnostics.DiagnosticFormat;
import org.polcomp.report.diagnostics.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp validate}: checks a dataset and reports every diagnostic. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a policy dataset against the format and the codebook.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no errors (warnings allowed unless --strict)",
        "1:the data is invalid (with --strict, warnings too)",
        "2:usage error (unknown option, bad value, missing path)",
        "3:input/output failure or internal error"})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, github, gitlab, junit or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--strict", description = "Warnings fail the run too (exit 1).")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    DiagnosticFormat fmt = DiagnosticFormat.of(format).orElseThrow(() -> new UsageException(
        "unknown --format '" + format + "'", "use text, json, github, gitlab, junit or sarif"));
    Pipeline.Loaded run = Pipeline.load(common, paths,
        ProgressBar.forStderr(spec.commandLine().getErr(), common.quiet), Pipeline.Keep.COUNTS);
    RunSummary summary = new RunSummary(run.dataset().files().size(),
        run.dataset().municipalities().size(), run.measureCount(), run.errors(),
        run.warnings(), run.dataset().files().stream().map(InputFile::path).toList(),
        Main.version());
    if (output != null) {
      AtomicFile.write(output, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        fmt.write(run.diagnostics(), summary, w);
        w.flush();
      });
      if (!common.quiet || run.hasErrors()) {
        spec.commandLine().getErr().println(summaryLine(summary));
      }
    } else if (fmt != DiagnosticFormat.TEXT || !common.quiet || run.hasErrors()) {
      // --quiet trims the text report to its errors; machine formats are always complete,
      // since CI tools read an empty file as a broken report.
      StringWriter sw = new StringWriter();
      fmt.write(common.quiet && fmt == DiagnosticFormat.TEXT
          ? run.diagnostics().stream().filter(d -> d.isError()).toList()
          : run.diagnostics(), summary, sw);
      spec.commandLine().getOut().print(sw);
      spec.commandLine().getOut().flush();
    }
    boolean failed = run.hasErrors() || (strict && run.warnings() > 0);
    return failed ? ExitCode.INVALID : ExitCode.OK;
  }

  private static String summaryLine(RunSummary s) {
    StringWriter w = new StringWriter();
    try {
      DiagnosticFormat.TEXT.write(List.of(), s, w);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString().strip();
  }
}
