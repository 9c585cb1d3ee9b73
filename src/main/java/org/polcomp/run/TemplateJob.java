package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.DatasetLoader;
import org.polcomp.model.Codebook;
import org.polcomp.model.Municipality;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.sheets.TemplateWriter;

/** {@code polcomp template}: writes the data-entry workbook, empty or filled with a dataset. */
public final class TemplateJob {
  private TemplateJob() {}

  /**
   * What template is asked.
   *
   * @param dataset the dataset to fill the workbook with; no paths for an empty workbook
   * @param output the .xlsx file to write
   */
  public record Options(DatasetOptions dataset, Path output) {}

  /** Writes the workbook; INVALID (nothing written) when the dataset or codebook has errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    Path output = o.output();
    if (output == null || output.toString().isEmpty() || output.toString().equals("-")) {
      throw new UsageProblem("template writes a workbook file", "name it with -o FILE.xlsx");
    }
    OutputTarget.refuseFolderName(output);
    if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      throw new UsageProblem("-o " + DatasetLoader.display(output) + " is not an .xlsx file",
          "name the workbook FILE.xlsx");
    }
    if (Files.isDirectory(output)) {
      throw new UsageProblem(DatasetLoader.display(output) + " is a directory",
          "name the workbook to write, e.g. coding.xlsx");
    }
    Outputs.refuseInput(output, o.dataset());
    Codebook codebook;
    List<Municipality> municipalities;
    if (o.dataset().paths().isEmpty()) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      codebook = Stages.codebookOnly(o.dataset(), diagnostics);
      if (codebook == null) {
        Outputs.invalid(diagnostics, console.err());
        return Stages.failure(diagnostics);
      }
      municipalities = List.of();
    } else {
      Stages.Loaded run = Stages.load(o.dataset(),
          ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.ALL, Stages.NO_SINK);
      if (run.hasErrors()) {
        Outputs.invalid(run.diagnostics(), console.err());
        return run.failure();
      }
      Outputs.refuseInput(output, run.read());
      codebook = run.codebook();
      municipalities = run.dataset().municipalities();
    }
    String name = o.dataset().codebook() == null ? "the default codebook"
        : DatasetLoader.display(o.dataset().codebook());
    TemplateWriter writer = new TemplateWriter(codebook, name);
    AtomicFile.write(output, out -> writer.write(municipalities, out));
    return Outcome.OK;
  }
}
