package org.polcomp.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;

/**
 * Passes on at most {@code perCode} diagnostics of each code for one file and sums up the rest in
 * one diagnostic of the same code (so the same severity and exit code). A hostile 16 MiB file of
 * {@code ---} lines or repeated keys would otherwise make millions of diagnostics and gigabytes of
 * report; no person reads past the first thousand of a kind.
 */
final class DiagnosticCap implements Consumer<Diagnostic> {
  private final Consumer<Diagnostic> out;
  private final int perCode;
  private final Map<Code, Integer> counts = new EnumMap<>(Code.class);
  private final Map<Code, Diagnostic> firstDropped = new EnumMap<>(Code.class);

  DiagnosticCap(Consumer<Diagnostic> out, int perCode) {
    this.out = out;
    this.perCode = perCode;
  }

  @Override
  public void accept(Diagnostic d) {
    int n = counts.merge(d.code(), 1, Integer::sum);
    if (n <= perCode) {
      out.accept(d);
    } else if (n == perCode + 1) {
      firstDropped.put(d.code(), d);
    }
  }

  /** Reports, per code, how many were left out; call once when the file is done. */
  void finish() {
    for (Map.Entry<Code, Diagnostic> e : firstDropped.entrySet()) {
      int dropped = counts.get(e.getKey()) - perCode;
      Diagnostic first = e.getValue();
      out.accept(Diagnostic.of(first.location(), e.getKey(),
          String.format(Locale.ROOT,
              "%,d more %s diagnostics in this file are not listed (only the first %,d are),"
                  + " starting here with: %s",
              dropped, e.getKey().id(), perCode, first.message()),
          "fix the ones listed and run again"));
    }
    firstDropped.clear();
  }
}
