package org.polcomp.report.xlsx;

/** Readies POI as a workbook-writing run does; run in a fresh JVM with its own temporary folder. */
public final class WarmupSmoke {
  private WarmupSmoke() {}

  public static void main(String[] args) {
    // exit 1 when the workbook could not be made: a warmup that always fails would go unseen
    System.exit(Warmup.run() ? 0 : 1);
  }
}
