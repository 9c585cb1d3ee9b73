package org.polcomp.sensitivity;

import java.util.List;

/** The tables of a sensitivity analysis, each in its order. */
public record Result(SummaryRow summary, List<MunicipalityStability> municipalities,
    List<MeasureStability> measures, List<WeightInfluence> weights) {
  public Result {
    municipalities = List.copyOf(municipalities);
    measures = List.copyOf(measures);
    weights = List.copyOf(weights);
  }
}
