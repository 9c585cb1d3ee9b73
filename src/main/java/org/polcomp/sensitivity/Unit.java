package org.polcomp.sensitivity;

import java.util.List;
import java.util.Objects;
import org.polcomp.model.Duration;

/**
 * One municipality as the analysis needs it: its counted measures' evidence and no more, so that
 * a dataset is read once and re-classified many times from these.
 *
 * @param municipalityId the municipality's id
 * @param municipality its name
 * @param targeting the targeting side of its profile ({@code mainstreamed}, {@code target-group},
 *     {@code balanced} or {@code unclassified}), which the weights do not move
 * @param items its measures counted (active on the as-of date), in file order
 */
public record Unit(String municipalityId, String municipality, String targeting,
    List<Item> items) {
  public Unit {
    Objects.requireNonNull(municipalityId, "municipalityId");
    Objects.requireNonNull(targeting, "targeting");
    items = List.copyOf(items);
  }

  /**
   * One measure.
   *
   * @param durationScore its score under the run's codebook
   * @param evidence what the duration rules see of it
   * @param coded the human duration code that aggregates use instead ({@code --prefer-coded}), or
   *     null
   */
  public record Item(String measureId, String title, double durationScore, Evidence evidence,
      Duration coded) {
    public Item {
      Objects.requireNonNull(measureId, "measureId");
      Objects.requireNonNull(evidence, "evidence");
    }
  }
}
