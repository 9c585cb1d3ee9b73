package org.polcomp.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lineage table of municipality codes (FORMAT.md "Municipality lineage"), keyed and sorted by
 * code. It is consistent by construction: every successor is a code of the table and no chain of
 * successors comes back to where it started, so following successors always ends. A code that is
 * not in the table (another country's, say) is taken to be valid on every date.
 *
 * @param byCode the entries by code
 */
public record Lineage(SortedMap<String, LineageEntry> byCode) {

  public Lineage {
    TreeMap<String, LineageEntry> copy = new TreeMap<>();
    byCode.forEach((code, e) -> {
      if (!code.equals(e.code())) {
        throw new IllegalArgumentException("entry " + e.code() + " filed under " + code);
      }
      copy.put(code, e);
    });
    for (LineageEntry e : copy.values()) {
      if (e.successor() != null && !copy.containsKey(e.successor())) {
        throw new IllegalArgumentException(e.code() + ": successor " + e.successor()
            + " is not in the table");
      }
    }
    // Each code is walked once: a chain that reaches a code already known to end is done. (One
    // walk per code would take quadratic time on a long chain of successors.)
    Set<String> ends = new HashSet<>();
    for (LineageEntry e : copy.values()) {
      Set<String> onPath = new HashSet<>();
      for (LineageEntry at = e; at != null && !ends.contains(at.code());
          at = at.successor() == null ? null : copy.get(at.successor())) {
        if (!onPath.add(at.code())) {
          throw new IllegalArgumentException("the successors of " + e.code() + " form a cycle");
        }
      }
      ends.addAll(onPath);
    }
    byCode = Collections.unmodifiableSortedMap(copy);
  }

  /** A table of these entries; a later entry with the same code replaces an earlier one. */
  public static Lineage of(Collection<LineageEntry> entries) {
    TreeMap<String, LineageEntry> m = new TreeMap<>();
    for (LineageEntry e : entries) {
      m.put(e.code(), e);
    }
    return new Lineage(m);
  }

  /** Every entry, sorted by code. */
  public List<LineageEntry> entries() {
    return List.copyOf(byCode.values());
  }

  public int size() {
    return byCode.size();
  }

  /** The entry of {@code code}, if the table has one. */
  public Optional<LineageEntry> entry(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The entry of {@code code} if that code was no longer valid on {@code date}. */
  public Optional<LineageEntry> retiredOn(String code, LocalDate date) {
    return entry(code).filter(e -> e.retiredOn(date));
  }

  /**
   * The code that {@code code} counts as on {@code date}: its successors are followed while the
   * code in hand had ended by then. A code that is valid, unknown, or ended without a successor
   * counts as itself (or as the last code reached).
   */
  public String countedAs(String code, LocalDate date) {
    List<LineageEntry> path = path(code, date);
    return path.isEmpty() ? code : path.get(path.size() - 1).successor();
  }

  /**
   * The retired entries passed through from {@code code} to the code it counts as on {@code
   * date}, in order; empty when {@code code} was valid then (or is unknown). Every entry in the
   * list has a successor; the last one's is {@link #countedAs}, and its {@link
   * LineageEntry#endedOn()} is the day since which that holds.
   */
  public List<LineageEntry> path(String code, LocalDate date) {
    List<LineageEntry> path = new ArrayList<>();
    LineageEntry at = byCode.get(code);
    // The constructor rules out cycles, so this ends.
    while (at != null && at.successor() != null && at.retiredOn(date)) {
      path.add(at);
      at = byCode.get(at.successor());
    }
    return List.copyOf(path);
  }
}
