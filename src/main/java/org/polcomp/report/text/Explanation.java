package org.polcomp.report.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;
import org.polcomp.classify.Rule;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Targeting;

/**
 * {@code polcomp explain}: the story of one measure's classification, every rule that fired with
 * its contribution, the score, the labels and the human coding.
 */
public final class Explanation {
  private Explanation() {}

  /** Writes the explanation of {@code measure} of {@code m}, classified as {@code c}. */
  public static void write(Municipality m, Measure measure, Classification c, PrintWriter out) {
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
    List<Coding> codings = measure.codings();
    if (codings.isEmpty()) {
      out.println("human coding: none");
    }
    for (Coding coding : codings) {
      boolean agrees = codings.size() == 1 ? Boolean.TRUE.equals(c.codingAgrees())
          : (coding.targeting() == null || coding.targeting() == c.targeting())
              && (coding.duration() == null || coding.duration() == c.duration());
      out.println("human coding: targeting " + label(coding.targeting() == null ? null
          : coding.targeting().label()) + ", duration " + label(coding.duration() == null ? null
          : coding.duration().label()) + (coding.coder() != null ? " (coder " + coding.coder()
          + ")" : "") + ": " + (agrees ? "agrees with the rules" : "DISAGREES with the rules"));
      if (coding.note() != null) {
        out.println("  note: " + coding.note());
      }
    }
    if (codings.size() > 1) {
      out.println("majority: targeting " + majority(Majority.targetings(codings))
          + ", duration " + majority(Majority.durations(codings)));
    }
    out.flush();
  }

  private static String majority(List<? extends Enum<?>> codes) {
    if (codes.isEmpty()) {
      return "(not coded)";
    }
    Object m = Majority.of(codes);
    return m == null ? "(tie)" : m instanceof Targeting t ? t.label() : ((Duration) m).label();
  }

  private static String label(String s) {
    return s == null ? "(not coded)" : s;
  }

  private static String signed(double d) {
    String s = Reason.format(d);
    return d > 0 && !s.equals("0") ? "+" + s : s;
  }
}
