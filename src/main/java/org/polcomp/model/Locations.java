package org.polcomp.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polcomp.diagnostic.SourceLocation;

/**
 * Where each value of a record came from, keyed by its path inside the record ({@code domain},
 * {@code target.groups[1]}, {@code funding[0].source}). Validation uses it to point at the
 * offending value; an unknown path falls back to the record's own location.
 */
public record Locations(SourceLocation base, Map<String, SourceLocation> byPath) {
  public Locations {
    Objects.requireNonNull(base, "base");
    byPath = byPath instanceof Adopted ? byPath : Map.copyOf(byPath);
  }

  /**
   * The locations of a map that the caller hands over and never changes again: kept as it is,
   * read-only, instead of copied. The binder makes one such map per measure, and copying it
   * into an immutable map was a twentieth of the time of reading a large dataset.
   */
  public static Locations adopt(SourceLocation base, Map<String, SourceLocation> byPath) {
    return new Locations(base, new Adopted(byPath));
  }

  /** A read-only view of a map nobody else changes (see {@link #adopt}). */
  private static final class Adopted extends AbstractMap<String, SourceLocation> {
    private final Map<String, SourceLocation> map;

    Adopted(Map<String, SourceLocation> map) {
      this.map = Objects.requireNonNull(map, "byPath");
    }

    @Override
    public SourceLocation get(Object key) {
      return map.get(key);
    }

    @Override
    public SourceLocation getOrDefault(Object key, SourceLocation fallback) {
      return map.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public Set<Entry<String, SourceLocation>> entrySet() {
      return Collections.unmodifiableMap(map).entrySet();
    }
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
