package org.polcomp.aggregate;

import java.util.Objects;
import org.polcomp.classify.Classification;
import org.polcomp.model.Duration;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

/**
 * A measure with its municipality and its rule-based classification: what a row of the measures
 * table ({@link MeasureRow}) is made from.
 */
public record ClassifiedMeasure(
    Municipality municipality, Measure measure, Classification classification) {

  public ClassifiedMeasure {
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(classification, "classification");
  }

  /** The targeting label aggregates use: the majority human code when preferred and
   * present (a tie: the rules). */
  public Targeting targeting(boolean preferCoded) {
    Targeting coded = preferCoded ? Majority.targeting(measure.codings()) : null;
    return coded != null ? coded : classification.targeting();
  }

  /** The duration label aggregates use: the majority human code when preferred and
   * present (a tie: the rules). */
  public Duration duration(boolean preferCoded) {
    Duration coded = preferCoded ? Majority.duration(measure.codings()) : null;
    return coded != null ? coded : classification.duration();
  }

  /** The quadrant of the labels aggregates use. */
  public Quadrant quadrant(boolean preferCoded) {
    return Quadrant.of(targeting(preferCoded), duration(preferCoded));
  }
}
