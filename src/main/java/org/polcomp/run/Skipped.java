package org.polcomp.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.Printable;
import org.polcomp.model.Dataset;
import org.polcomp.model.Municipality;

/**
 * The input files that {@code compare --skip-invalid} leaves out: every file that an error is
 * placed in. An error that involves two files is placed in one of them (a municipality id
 * declared twice: the later declaration in path order, E015), and only that file is left out.
 *
 * @param files the indexes of the files left out among the files read, in path order
 * @param firstErrors the first error of each file left out, by its name, in path order
 * @param errorCounts the number of errors of each file left out, by its name
 * @param issues what the issues table lists: the errors of the files left out and the warnings
 *     of the others (a file left out is left out with its warnings), in report order
 * @param nothingLeft whether no municipality is left to compare
 */
record Skipped(Set<Integer> files, Map<String, Diagnostic> firstErrors,
    Map<String, Integer> errorCounts, List<Diagnostic> issues, boolean nothingLeft) {
  Skipped {
    files = Set.copyOf(files);
    firstErrors = Collections.unmodifiableMap(new LinkedHashMap<>(firstErrors));
    errorCounts = Map.copyOf(errorCounts);
    issues = List.copyOf(issues);
  }

  /**
   * The files to leave out of a run with errors, or null when its errors cannot be left out with
   * a file: an input that could not be read (E023: a comparison that lacks it for the state of a
   * disk or a permission would pass for a complete one), or an error outside the data files (the
   * user's codebook or lineage file).
   */
  static Skipped of(Stages.Loaded run) {
    Dataset dataset = run.dataset();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dataset.files().size(); i++) {
      index.putIfAbsent(dataset.files().get(i).path(), i);
    }
    Set<Integer> files = new HashSet<>();
    Map<String, Diagnostic> first = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Diagnostic d : run.diagnostics()) {
      if (!d.isError()) {
        continue;
      }
      Integer i = index.get(d.file());
      if (i == null || d.code() == Code.E023) {
        return null;
      }
      files.add(i);
      // the diagnostics are sorted: a file's first is its first in the file
      first.putIfAbsent(d.file(), d);
      counts.merge(d.file(), 1, Integer::sum);
    }
    Map<String, Diagnostic> inPathOrder = new LinkedHashMap<>();
    for (Dataset.InputFile f : dataset.files()) {
      if (first.containsKey(f.path())) {
        inPathOrder.put(f.path(), first.get(f.path()));
      }
    }
    List<Diagnostic> issues = new ArrayList<>();
    for (Diagnostic d : run.diagnostics()) {
      if (d.isError() || !first.containsKey(d.file())) {
        issues.add(d);
      }
    }
    boolean nothingLeft = true;
    for (Municipality m : dataset.municipalities()) {
      if (!first.containsKey(m.file())) {
        nothingLeft = false;
        break;
      }
    }
    return new Skipped(files, inPathOrder, counts, issues, nothingLeft);
  }

  /** The number of errors of the files left out. */
  int errors() {
    int n = 0;
    for (int c : errorCounts.values()) {
      n += c;
    }
    return n;
  }

  /** The number of warnings in the issues table. */
  int warnings() {
    return (int) issues.stream().filter(d -> !d.isError()).count();
  }

  /**
   * One line per file left out, with its number of errors and the first of them: {@code
   * polcomp: skipped FILE: N errors, the first at LINE:COL [CODE]: message}.
   */
  void list(PrintWriter err) {
    firstErrors.forEach((file, d) -> {
      int n = errorCounts.get(file);
      String at = d.location().cell() != null ? d.location().cell()
          : d.line() + ":" + d.column();
      err.println("polcomp: skipped " + Printable.escape(file) + ": " + n
          + (n == 1 ? " error" : " errors") + ", the first at " + Printable.escape(at) + " ["
          + d.code().id() + "]: " + Printable.escape(d.message()));
    });
    err.flush();
  }
}
