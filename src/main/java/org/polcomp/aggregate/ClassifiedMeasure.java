package org.polcomp.aggregate;

import java.util.Objects;
import org.polcomp.classify.Classification;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
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

  /** The targeting label aggregates use: the human code when preferred and present. */
  public Targeting targeting(boolean preferCoded) {
    Coding c = measure.coding();
    return preferCoded && c != null && c.targeting() != null
        ? c.targeting()
        : classification.targeting();
  }

  /** The duration label aggregates use: the human code when preferred and present. */
  public Duration duration(boolean preferCoded) {
    Coding c = measure.coding();
    return preferCoded && c != null && c.duration() != null
        ? c.duration()
        : classification.duration();
  }

  /** The quadrant of the labels aggregates use. */
  public Quadrant quadrant(boolean preferCoded) {
    return Quadrant.of(targeting(preferCoded), duration(preferCoded));
  }
}
