package org.polcomp.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One document of a policy file: a municipality and its measures.
 *
 * @param file the file as the user named it (forward slashes)
 * @param document the 1-based index of the document in its file
 */
public record Municipality(
    String id,
    String name,
    String country,
    String region,
    Long population,
    String type,
    PartialDate asOf,
    List<Measure> measures,
    Map<String, Object> extensions,
    String file,
    int document,
    Locations locations) {

  public Municipality {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    measures = List.copyOf(measures);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    Objects.requireNonNull(locations, "locations");
  }

  /** {@code MUNICIPALITY_ID/MEASURE_ID}, how a measure is named across a dataset. */
  public String ref(Measure m) {
    return id + "/" + m.id();
  }
}
