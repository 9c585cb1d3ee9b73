package org.polcomp.run;

/** The version of polcomp that runs, as the reports record it. */
public final class Version {
  private Version() {}

  /** The tool's version from the jar manifest, or "dev" when not running from the jar. */
  public static String current() {
    // Only our own package's manifest counts: on a test classpath the first MANIFEST.MF found
    // belongs to some dependency.
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }
}
