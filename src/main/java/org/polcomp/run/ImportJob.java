package org.polcomp.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.SheetLayout;
import org.polcomp.model.Municipality;
import org.polcomp.report.diagnostics.TextReport;
import org.polcomp.report.sheets.PolicyYaml;

/**
 * {@code polcomp import}: reads a data-entry workbook (or its sheets as CSV files), checks it as
 * validate does, and writes one policy file per municipality. Nothing is written when there are
 * errors; files are written into a scratch folder first and then moved into place.
 */
public final class ImportJob {
  private ImportJob() {}

  /**
   * What import is asked.
   *
   * @param dataset the workbook (one path) and the options of reading it
   * @param output the folder to write the policy files into
   * @param force replace policy files that exist
   */
  public record Options(DatasetOptions dataset, Path output, boolean force) {}

  /** Reads, checks and writes; INVALID (nothing written) on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    List<Path> paths = o.dataset().paths();
    if (paths.size() != 1) {
      throw new UsageProblem("import reads one workbook", "name FILE.xlsx or a folder of CSV"
          + " sheets");
    }
    Path in = paths.get(0);
    Stages.requireExists(in);
    if (!DatasetLoader.isWorkbook(in) && !(Files.isDirectory(in)
        && Files.isRegularFile(in.resolve(SheetLayout.MUNICIPALITIES + ".csv")) || hasCsv(in))) {
      throw new UsageProblem(DatasetLoader.display(in) + " is neither an .xlsx workbook nor a"
          + " folder of its sheets as CSV files",
          "name a workbook written by 'polcomp template', or a folder holding Municipalities.csv");
    }
    Path dir = o.output();
    if (dir == null || dir.toString().isEmpty() || dir.toString().equals("-")) {
      throw new UsageProblem("import writes policy files into a folder", "name it with -o DIR");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageProblem(DatasetLoader.display(dir) + " is not a folder",
          "name a folder to write the policy files into");
    }
    Stages.Loaded run = Stages.load(o.dataset(),
        ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.ALL, Stages.NO_SINK);
    if (run.hasErrors()) {
      Outputs.invalid(run.diagnostics(), console.err());
      return Outcome.INVALID;
    }
    if (!o.dataset().quiet() && !run.diagnostics().isEmpty()) {
      java.io.StringWriter w = new java.io.StringWriter();
      TextReport.diagnostics(run.diagnostics(), w);
      console.err().print(w);
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (Municipality m : run.dataset().municipalities()) {
      files.put(SheetLayout.fileName(m.id(), m.name()), PolicyYaml.text(m));
    }
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !o.force()) {
        throw new UsageProblem(DatasetLoader.display(target) + " exists; nothing was written",
            "add --force to replace the files, or choose another folder");
      }
    }
    Files.createDirectories(dir);
    Path scratch = Files.createTempDirectory(dir, ".polcomp-import-");
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(scratch.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      for (String name : files.keySet()) {
        move(scratch.resolve(name), dir.resolve(name));
      }
    } finally {
      try (Stream<Path> left = Files.walk(scratch)) {
        for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    if (!o.dataset().quiet()) {
      console.err().println("polcomp: wrote " + files.size()
          + (files.size() == 1 ? " policy file" : " policy files") + " to "
          + DatasetLoader.display(dir));
      console.err().flush();
    }
    return Outcome.OK;
  }

  private static boolean hasCsv(Path in) throws IOException {
    if (!Files.isDirectory(in)) {
      return false;
    }
    try (Stream<Path> s = Files.list(in)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(" - "
          + SheetLayout.MUNICIPALITIES + ".csv"));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
