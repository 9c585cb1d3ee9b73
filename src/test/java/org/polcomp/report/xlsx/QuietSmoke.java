package org.polcomp.report.xlsx;

import java.nio.file.Path;
import org.polcomp.report.Sample;

/** Writes a sample workbook; run in a fresh JVM to see what a user's terminal would see. */
public final class QuietSmoke {
  private QuietSmoke() {}

  public static void main(String[] args) throws Exception {
    new XlsxWriter(10).write(Sample.report(25), Path.of(args[0]));
  }
}
