package org.polcomp.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
      return run.failure();
    }
    if (!o.dataset().quiet() && !run.diagnostics().isEmpty()) {
      java.io.StringWriter w = new java.io.StringWriter();
      TextReport.diagnostics(run.diagnostics(), w);
      console.err().print(w);
    }
    Map<String, String> files = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Municipality m : run.dataset().municipalities()) {
      files.put(uniqueName(m, taken), PolicyYaml.text(m));
    }
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      // --force replaces policy files, never the workbook, codebook or lineage file it reads
      if (Outputs.isAnInput(target, o.dataset(), run.read())) {
        throw new UsageProblem(DatasetLoader.display(target) + " is an input of this run, and"
            + " import would write a policy file there; nothing was written",
            "name another folder with -o, or move the input out of " + DatasetLoader.display(dir));
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !o.force()) {
        throw new UsageProblem(DatasetLoader.display(target) + " exists; nothing was written",
            "add --force to replace the files, or choose another folder");
      }
    }
    Path created = firstMissing(dir);
    Files.createDirectories(dir);
    boolean done = false;
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(dir, ".polcomp-import-");
      for (Map.Entry<String, String> e : files.entrySet()) {
        write(scratch.resolve(e.getKey()), dir.resolve(e.getKey()), e.getValue());
      }
      for (String name : files.keySet()) {
        move(scratch.resolve(name), dir.resolve(name));
      }
      done = true;
    } finally {
      if (scratch != null) {
        try (Stream<Path> left = Files.walk(scratch)) {
          for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
      if (!done && created != null) {
        removeEmpty(dir, created);
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

  /**
   * The file name of a municipality: {@link SheetLayout#fileName}, or, when an earlier one has it
   * (ids {@code GM1} named {@code A B} and {@code GM1-a} named {@code B}; or ids that differ only
   * in case, which a case-insensitive file system cannot tell apart), the id alone, then the id
   * with a number: the same order of municipalities gives the same names.
   */
  static String uniqueName(Municipality m, Set<String> taken) {
    String name = SheetLayout.fileName(m.id(), m.name());
    if (!taken.add(name.toLowerCase(Locale.ROOT))) {
      name = SheetLayout.fileName(m.id(), null);
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = m.id() + "-" + n + ".yaml";
      }
    }
    return name;
  }

  /** Writes a file into the scratch folder; a failure names the file the user asked for. */
  private static void write(Path scratch, Path target, String text) throws IOException {
    try {
      Files.writeString(scratch, text, StandardCharsets.UTF_8);
    } catch (FileSystemException e) {
      throw new FileSystemException(DatasetLoader.display(target), null,
          e.getReason() != null ? e.getReason() : "cannot be written");
    }
  }

  /** The outermost folder of {@code dir} that does not exist yet, or null when it exists. */
  private static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes the folders from {@code dir} up to {@code top} that this run created, if empty. */
  private static void removeEmpty(Path dir, Path top) {
    for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(top); p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        return; // not empty, or not ours to remove: leave it
      }
    }
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
