package org.polcomp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;
import org.polcomp.classify.Rule;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.model.Coding;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp explain REF}: the story of one measure's classification. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Show every rule that fired for one measure, its contribution, the score, the"
        + " labels and the human coding.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:explained", "1:the data is invalid",
        "2:usage error, or no measure has that REF (the closest are suggested)",
        "3:input/output failure"})
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "REF",
      description = "The measure, as MUNICIPALITY_ID/MEASURE_ID (e.g. GM0344/plan-einstein).")
  String ref;

  @Parameters(index = "1..*", paramLabel = "PATH", arity = "0..*",
      description = "Policy files or directories (default: policies/).")
  List<Path> paths;

  @Override
  public Integer call() {
    Pipeline.Loaded run = Pipeline.load(common, paths);
    PrintWriter err = spec.commandLine().getErr();
    if (run.hasErrors()) {
      Reports.printErrors(run.diagnostics(), err);
      return ExitCode.INVALID;
    }
    List<String> refs = new ArrayList<>();
    int index = 0;
    for (Municipality m : run.dataset().municipalities()) {
      for (Measure measure : m.measures()) {
        String r = m.ref(measure);
        if (r.equals(ref)) {
          print(m, measure, run.classifications().get(index), spec.commandLine().getOut());
          return ExitCode.OK;
        }
        refs.add(r);
        index++;
      }
    }
    String hint = closest(refs);
    throw new UsageException("no measure '" + ref + "' in the dataset", hint);
  }

  /** The nearest refs, by whole ref or by measure id alone (a forgotten municipality id). */
  private String closest(List<String> refs) {
    int limit = Math.max(2, ref.length() / 4);
    List<String> near = new ArrayList<>();
    // A ref that is the start of others ("GM0344/plan-einstein" for the measures of one project)
    // names them first.
    for (String r : refs) {
      if (near.size() < 5 && r.startsWith(ref)) {
        near.add(r);
      }
    }
    for (String r : Suggest.closest(ref, refs, limit, 3)) {
      if (!near.contains(r)) {
        near.add(r);
      }
    }
    String wanted = ref.contains("/") ? ref.substring(ref.indexOf('/') + 1) : ref;
    for (String r : refs) {
      String id = r.substring(r.indexOf('/') + 1);
      if (near.size() < 5 && !near.contains(r)
          && Suggest.distance(wanted, id, Math.max(1, wanted.length() / 4))
              <= Math.max(1, wanted.length() / 4)) {
        near.add(r);
      }
    }
    if (near.isEmpty()) {
      return "refs are MUNICIPALITY_ID/MEASURE_ID; 'polcomp classify' lists them all";
    }
    return "did you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
        + "?";
  }

  private static void print(Municipality m, Measure measure, Classification c, PrintWriter out) {
    out.println(m.ref(measure) + "  " + measure.title());
    out.println("  municipality  " + m.name() + " (" + m.id() + ")");
    out.println("  file          " + m.file() + ":" + measure.line());
    out.println("  groups        " + String.join(", ", measure.target().groups())
        + (measure.target().proxy() ? " (proxy)" : ""));
    out.println();
    out.println("targeting: " + c.targeting().label());
    for (Reason r : c.reasons()) {
      if (r.rule().axis() == Rule.Axis.TARGETING) {
        out.println("  " + r);
      }
    }
    out.println();
    out.println("duration: " + c.duration().label() + "  (score " + Reason.format(c.durationScore())
        + ", confidence " + Reason.format(c.confidence()) + ")");
    for (Reason r : c.reasons()) {
      if (r.isEvidence()) {
        out.printf(Locale.ROOT, "  %-4s %-58s %8s%n", r.id(), r.text(),
            signed(r.contribution()));
      } else if (r.rule().axis() == Rule.Axis.DURATION) {
        out.println("  " + r);
      }
    }
    out.printf(Locale.ROOT, "  %-4s %-58s %8s%n", "", "score (sum, rounded to 3 decimals)",
        signed(c.durationScore()));
    out.println();
    out.println("quadrant: " + c.quadrant().label());
    Coding coding = measure.coding();
    if (coding == null) {
      out.println("human coding: none");
    } else {
      out.println("human coding: targeting " + label(coding.targeting() == null ? null
          : coding.targeting().label()) + ", duration " + label(coding.duration() == null ? null
          : coding.duration().label()) + (coding.coder() != null ? " (coder " + coding.coder()
          + ")" : "") + ": " + (Boolean.TRUE.equals(c.codingAgrees()) ? "agrees with the rules"
          : "DISAGREES with the rules"));
      if (coding.note() != null) {
        out.println("  note: " + coding.note());
      }
    }
    out.flush();
  }

  private static String label(String s) {
    return s == null ? "(not coded)" : s;
  }

  private static String signed(double d) {
    String s = Reason.format(d);
    return d > 0 && !s.equals("0") ? "+" + s : s;
  }
}
