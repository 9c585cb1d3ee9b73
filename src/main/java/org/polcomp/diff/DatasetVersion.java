package org.polcomp.diff;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.MunicipalityRow;
import org.polcomp.classify.Classification;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;

/**
 * One version of a dataset as the diff sees it: its municipalities by id, each measure's
 * classification by {@code MUNICIPALITY_ID/MEASURE_ID}, and each municipality's row of the
 * {@code municipalities} table by id.
 */
public record DatasetVersion(Map<String, Municipality> municipalities,
    Map<String, Classification> classifications, Map<String, MunicipalityRow> rows) {

  public DatasetVersion {
    municipalities = Collections.unmodifiableMap(new TreeMap<>(municipalities));
    classifications = Map.copyOf(classifications);
    rows = Map.copyOf(rows);
  }

  /**
   * The version of a checked dataset: its municipalities (ids unique, as validation ensures), its
   * classified measures and its rows of the municipalities table.
   */
  public static DatasetVersion of(List<Municipality> municipalities,
      List<ClassifiedMeasure> measures, List<MunicipalityRow> rows) {
    Map<String, Municipality> byId = new TreeMap<>();
    for (Municipality m : municipalities) {
      byId.putIfAbsent(m.id(), m);
    }
    Map<String, Classification> classified = new TreeMap<>();
    for (ClassifiedMeasure cm : measures) {
      classified.putIfAbsent(cm.municipality().ref(cm.measure()), cm.classification());
    }
    Map<String, MunicipalityRow> rowsById = new TreeMap<>();
    for (MunicipalityRow r : rows) {
      rowsById.putIfAbsent(r.municipalityId(), r);
    }
    return new DatasetVersion(byId, classified, rowsById);
  }

  /** The classification of a measure of this version. */
  Classification classification(Municipality m, Measure measure) {
    return Objects.requireNonNull(classifications.get(m.ref(measure)), m.ref(measure));
  }
}
