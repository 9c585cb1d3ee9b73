package org.polcomp.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.ReadFiles;
import org.polcomp.load.Sha256;
import org.polcomp.model.Dataset;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.diagnostics.TextReport;

/** What the jobs share after loading: where their text goes, and what an invalid run prints. */
final class Outputs {
  private Outputs() {}

  /** Writes text to a file (atomically) or to standard output. */
  static void text(Path output, String text, PrintWriter out) throws IOException {
    if (output != null) {
      AtomicFile.write(output, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    } else {
      out.print(text);
      out.flush();
    }
  }

  /** Writes what {@code body} writes to a file (atomically) or to standard output. */
  static void bytes(Path output, AtomicFile.Body body, Console console) throws IOException {
    if (output != null) {
      AtomicFile.write(output, body);
    } else {
      console.writeBytes(body::writeTo);
    }
  }

  /**
   * Refuses an OUT that is one of the inputs (a path given, or a file read): writing it would
   * destroy the policy file the run reads.
   */
  static void refuseInput(Path output, Iterable<Path> inputs) {
    if (isOneOf(output, inputs)) {
      throw isInput(output);
    }
  }

  // Whether OUT is the same file as one of the inputs, by identity.
  private static boolean isOneOf(Path output, Iterable<Path> inputs) {
    if (!isFile(output)) {
      return false;
    }
    for (Path in : inputs) {
      try {
        if (Files.exists(in) && Files.isSameFile(output, in)) {
          return true;
        }
      } catch (IOException e) {
        // what cannot be compared is not the same file as far as we can tell
      }
    }
    return false;
  }

  /**
   * Refuses an OUT that is one of the inputs the options name: a path given, or the user's
   * codebook or lineage file, which the run reads as it reads the policy files.
   */
  static void refuseInput(Path output, DatasetOptions o) {
    refuseInput(output, named(o));
  }

  /** The inputs the options name: the paths given, and the codebook and lineage files. */
  private static List<Path> named(DatasetOptions o) {
    List<Path> named = new ArrayList<>(o.paths());
    for (Path extra : new Path[] {o.codebook(), o.lineage()}) {
      if (extra != null) {
        named.add(extra);
      }
    }
    return named;
  }

  /**
   * Whether writing {@code output} would write over an input of the run: one the options name,
   * or a file it read, compared by file identity. For a job that writes many files, whose
   * refusal names the file rather than -o.
   */
  static boolean isAnInput(Path output, DatasetOptions o, ReadFiles read) {
    return isOneOf(output, named(o)) || isFile(output) && read.holds(output);
  }

  // Whether OUT names something that exists (not standard output): only that can be an input.
  private static boolean isFile(Path output) {
    return output != null && !output.toString().isEmpty() && !output.toString().equals("-")
        && Files.exists(output);
  }

  private static UsageProblem isInput(Path output) {
    return new UsageProblem("-o " + DatasetLoader.display(output) + " is an input of this run",
        "name another file to write");
  }

  /** As {@link #refuseInput(Path, Iterable)}, for the files a run read, known by identity. */
  static void refuseInput(Path output, ReadFiles inputs) {
    if (isFile(output) && inputs.holds(output)) {
      throw isInput(output);
    }
  }

  /** The files a run read, as paths. */
  static List<Path> inputFiles(Dataset dataset) {
    List<Path> out = new ArrayList<>();
    for (Dataset.InputFile f : dataset.files()) {
      out.add(Path.of(f.path()));
    }
    return out;
  }

  /**
   * Prints the errors (not the warnings) of a run that cannot go on, as the text report prints
   * them, then a line that says nothing was written.
   */
  static void invalid(List<Diagnostic> diagnostics, PrintWriter err) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    StringWriter w = new StringWriter();
    try {
      TextReport.diagnostics(errors, w);
    } catch (IOException e) {
      throw new UncheckedIOException("a string writer does not fail", e);
    }
    err.print(w);
    int n = errors.size();
    // E023 is a file that could not be read (a device, an I/O error, too large for the heap):
    // the run ends with exit 3, and "the data is invalid" would send the user to the data
    boolean unread = errors.stream().anyMatch(d -> d.code() == Code.E023);
    err.println("polcomp: " + (unread ? "an input could not be read" : "the data is invalid")
        + " (" + n + (n == 1 ? " error" : " errors")
        + "); nothing was written. Run 'polcomp validate' for the full report.");
    err.flush();
  }

  /** The classified measures of a run, pairing its classifications with measures in order. */
  static List<ClassifiedMeasure> classified(Stages.Loaded run) {
    List<ClassifiedMeasure> out = new ArrayList<>();
    int i = 0;
    for (Municipality m : run.dataset().municipalities()) {
      for (Measure measure : m.measures()) {
        out.add(new ClassifiedMeasure(m, measure, run.classifications().get(i++)));
      }
    }
    return out;
  }

  /**
   * The SHA-256 over every input file's path and SHA-256, in path order, and over the content of
   * the user's codebook and lineage file when there are any: what the result depends on.
   */
  static String inputsSha256(Dataset dataset, DatasetOptions options) throws IOException {
    MessageDigest md = Sha256.fresh();
    for (Dataset.InputFile f : dataset.files()) {
      md.update((f.path() + "\t" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    // the default codebook and table are part of the version, which the outputs record
    for (Path extra : new Path[] {options.codebook(), options.lineage()}) {
      if (extra != null) {
        String sha = Sha256.hex(Files.readAllBytes(extra));
        md.update((DatasetLoader.display(extra) + "\t" + sha + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }


}
