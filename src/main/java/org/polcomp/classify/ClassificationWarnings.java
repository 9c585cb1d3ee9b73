package org.polcomp.classify;

import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Targeting;

/**
 * The warnings a classification gives (FORMAT.md "Errors and warnings"): W004 duration
 * unclassified, W005 a human coding that disagrees (one per disagreeing axis), W008 targeting
 * unclassified. All point at the measure's own location, its {@code id}.
 */
public final class ClassificationWarnings {
  private ClassificationWarnings() {}

  /** Reports the warnings of {@code c}, the classification of {@code m}, to {@code out}. */
  public static void report(Measure m, Classification c, Consumer<Diagnostic> out) {
    boolean mixed = c.targeting() == Targeting.UNCLASSIFIED
        && c.reasons().stream().anyMatch(r -> r.rule() == Rule.T3);
    boolean balanced = c.duration() == Duration.UNCLASSIFIED && c.reasons().stream()
        .anyMatch(r -> r.rule() == Rule.D && r.text().endsWith(Classifier.BALANCED));
    report(m, c.targeting(), c.duration(), mixed, balanced, out);
  }

  /**
   * Reports the warnings of a classification of {@code m} as {@link Classifier#warnings} knows
   * it: its labels, whether T3 (mixed eligibility) gave the targeting and whether duration
   * evidence cancelled out.
   */
  static void report(Measure m, Targeting targeting, Duration duration, boolean mixed,
      boolean balanced, Consumer<Diagnostic> out) {
    SourceLocation at = m.locations().base();
    if (targeting == Targeting.UNCLASSIFIED) {
      out.accept(Diagnostic.of(at, Code.W008,
          "targeting of measure '" + m.id() + "' is unclassified: "
              + (mixed ? "mixed eligibility and the codebook's mixed_eligibility is unclassified"
                  : "no valid target groups"),
          mixed ? "code the measure by hand, or set settings.mixed_eligibility in the codebook"
              : "list the target groups in target.groups"));
    }
    if (duration == Duration.UNCLASSIFIED) {
      String why = balanced ? Classifier.BALANCED : Classifier.NO_EVIDENCE;
      out.accept(Diagnostic.of(at, Code.W004,
          "duration of measure '" + m.id() + "' is unclassified: " + why,
          balanced
              ? "the structural and temporary evidence cancel out; add declared_duration if the"
                  + " documents say which it is"
              : "add declared_duration, period.end (a date or 'open'), instrument or funding"));
    }
    for (Coding coding : m.codings()) {
      String says = m.codings().size() == 1 ? "the coding says"
          : "coder " + coding.coder() + "'s coding says";
      if (coding.targeting() != null && coding.targeting() != targeting) {
        out.accept(Diagnostic.of(at, Code.W005,
            "measure '" + m.id() + "': " + says + " targeting '" + coding.targeting().label()
                + "', the rules say '" + targeting.label() + "'",
            "see 'polcomp explain' for the rules that fired"));
      }
      if (coding.duration() != null && coding.duration() != duration) {
        out.accept(Diagnostic.of(at, Code.W005,
            "measure '" + m.id() + "': " + says + " duration '" + coding.duration().label()
                + "', the rules say '" + duration.label() + "'",
            "see 'polcomp explain' for the rules that fired"));
      }
    }
  }
}
