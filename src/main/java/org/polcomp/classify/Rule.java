package org.polcomp.classify;

import java.util.Optional;

/**
 * The registry of codebook rules: every rule that can fire for a measure, with its permanent id,
 * its axis and a one-line summary. The classifier, the reasons, the Codebook sheet, {@code explain}
 * and the documentation all read it, so a rule is named in one place. An id is never renamed or
 * reused; new rules go at the end of their axis.
 */
public enum Rule {
  T1(Axis.TARGETING, "generic groups only -> mainstreamed"),
  T2(Axis.TARGETING, "migration-defined groups only -> target-group"),
  T3(Axis.TARGETING, "migration-defined and generic groups (mixed eligibility) -> the codebook's"
      + " mixed_eligibility, mainstreamed by default"),
  T4(Axis.TARGETING, "generic groups only, aimed at migrants by proxy (target.proxy) -> the"
      + " codebook's proxy_targeting, mainstreamed by default"),
  /** The targeting verdict when no rule applies (no valid target groups). */
  T(Axis.TARGETING, "no valid target groups -> unclassified"),
  D1(Axis.DURATION, "declared_duration structural or temporary: its weight (default +3 / -3)"),
  D2(Axis.DURATION, "period.end a date or open: its weight (default -2 / +2)"),
  D3(Axis.DURATION, "instrument: the codebook's weight of the instrument"),
  D4(Axis.DURATION, "funding: the mean lean of the sources, weighted by amount_eur when every"
      + " entry has one and they sum above 0"),
  /** The duration verdict when the evidence sums to 0 (none, or balanced). */
  D(Axis.DURATION, "score 0 -> unclassified: no duration evidence, or evidence is balanced");

  /** The two axes a measure is classified on. */
  public enum Axis {
    TARGETING("targeting"),
    DURATION("duration");

    private final String label;

    Axis(String label) {
      this.label = label;
    }

    /** The lower-case name used in reports ({@code targeting}, {@code duration}). */
    public String label() {
      return label;
    }
  }

  private final Axis axis;
  private final String summary;

  Rule(Axis axis, String summary) {
    this.axis = axis;
    this.summary = summary;
  }

  /** The stable id, for example {@code D2}. */
  public String id() {
    return name();
  }

  /** The axis the rule decides or gives evidence on. */
  public Axis axis() {
    return axis;
  }

  /** One line on what the rule looks at. */
  public String summary() {
    return summary;
  }

  /** True for the duration evidence rules (D1-D4), whose contribution counts in the score. */
  public boolean isEvidence() {
    return axis == Axis.DURATION && this != D;
  }

  /** True for the verdicts T and D, which say why an axis is unclassified. */
  public boolean isVerdict() {
    return this == T || this == D;
  }

  /** The rule with this id, if there is one. */
  public static Optional<Rule> byId(String id) {
    for (Rule r : values()) {
      if (r.name().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
