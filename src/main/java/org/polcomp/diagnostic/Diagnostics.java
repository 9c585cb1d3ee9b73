package org.polcomp.diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * A collector that stages append to instead of throwing. It keeps at most {@code cap} diagnostics
 * so that a hostile dataset cannot fill memory with findings; what it dropped is counted.
 */
public final class Diagnostics {
  /** The default cap: far more than anyone reads, small enough to stay cheap. */
  public static final int DEFAULT_CAP = 100_000;

  private final List<Diagnostic> items = new ArrayList<>();
  private final int cap;
  private int errors;
  private int warnings;
  private long dropped;

  public Diagnostics() {
    this(DEFAULT_CAP);
  }

  public Diagnostics(int cap) {
    this.cap = cap;
  }

  /** Adds one diagnostic (or counts it as dropped past the cap). */
  public void add(Diagnostic d) {
    if (d.isError()) {
      errors++;
    } else {
      warnings++;
    }
    if (items.size() < cap) {
      items.add(d);
    } else {
      dropped++;
    }
  }

  public void addAll(Iterable<Diagnostic> ds) {
    for (Diagnostic d : ds) {
      add(d);
    }
  }

  public int errorCount() {
    return errors;
  }

  public int warningCount() {
    return warnings;
  }

  public long dropped() {
    return dropped;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  /** The diagnostics in report order. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.ORDER);
    return List.copyOf(copy);
  }
}
