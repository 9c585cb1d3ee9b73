package org.polcomp.diff;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between two versions of a dataset, in report order: by municipality id, then
 * the municipality's own changes, then its measures by id.
 */
public record DatasetDiff(List<Change> changes) {
  public DatasetDiff {
    changes = List.copyOf(changes);
  }

  /** Whether the versions differ at all. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** How many changes of each kind, every kind listed (in kind order), zeros included. */
  public Map<Change.Kind, Long> counts() {
    Map<Change.Kind, Long> counts = new EnumMap<>(Change.Kind.class);
    for (Change.Kind k : Change.Kind.values()) {
      counts.put(k, 0L);
    }
    for (Change c : changes) {
      counts.merge(c.kind(), 1L, Long::sum);
    }
    return counts;
  }

  /** The number of measures in both versions with at least one change. */
  public long changedMeasures() {
    Set<String> refs = new HashSet<>();
    for (Change c : changes) {
      if (c.kind() == Change.Kind.MEASURE_FIELD || c.kind() == Change.Kind.CLASSIFICATION
          || c.kind() == Change.Kind.RULE) {
        refs.add(c.municipalityId() + "/" + c.measureId());
      }
    }
    return refs.size();
  }

  /** The number of municipalities of both versions whose own fields or profile changed. */
  public long changedMunicipalities() {
    Set<String> ids = new HashSet<>();
    for (Change c : changes) {
      if (c.kind() == Change.Kind.MUNICIPALITY_FIELD || c.kind() == Change.Kind.PROFILE) {
        ids.add(c.municipalityId());
      }
    }
    return ids.size();
  }

  /**
   * One line that sums the differences up: {@code 1 municipality added, 0 removed, 1 merged, 2
   * changed; 1 measure added, 1 removed, 3 changed}, or {@code no differences}.
   */
  public String summary() {
    if (isEmpty()) {
      return "no differences";
    }
    Map<Change.Kind, Long> n = counts();
    long added = n.get(Change.Kind.MUNICIPALITY_ADDED);
    long measuresAdded = n.get(Change.Kind.MEASURE_ADDED);
    return added + (added == 1 ? " municipality" : " municipalities") + " added, "
        + n.get(Change.Kind.MUNICIPALITY_REMOVED) + " removed, "
        + n.get(Change.Kind.MUNICIPALITY_MERGED) + " merged, " + changedMunicipalities()
        + " changed; " + measuresAdded + (measuresAdded == 1 ? " measure" : " measures")
        + " added, " + n.get(Change.Kind.MEASURE_REMOVED) + " removed, " + changedMeasures()
        + " changed";
  }
}
