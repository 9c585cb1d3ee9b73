package org.polcomp.model;

import java.util.Map;
import java.util.Objects;
import org.polcomp.diagnostic.SourceLocation;

/**
 * Where each value of a record came from, keyed by its path inside the record ({@code domain},
 * {@code target.groups[1]}, {@code funding[0].source}). Validation uses it to point at the
 * offending value; an unknown path falls back to the record's own location.
 */
public record Locations(SourceLocation base, Map<String, SourceLocation> byPath) {
  public Locations {
    Objects.requireNonNull(base, "base");
    byPath = Map.copyOf(byPath);
  }

  /** A record that only knows its own location. */
  public static Locations of(SourceLocation base) {
    return new Locations(base, Map.of());
  }

  /** The location of the value at {@code path}, or the record's own. */
  public SourceLocation at(String path) {
    return byPath.getOrDefault(path, base);
  }

  /** Whether a value was written at {@code path} (whatever became of it). */
  public boolean has(String path) {
    return byPath.containsKey(path);
  }

  /** The location of the key at {@code path} (recorded as {@code path#key}), else the value's. */
  public SourceLocation keyAt(String path) {
    SourceLocation k = byPath.get(path + "#key");
    return k != null ? k : at(path);
  }
}
