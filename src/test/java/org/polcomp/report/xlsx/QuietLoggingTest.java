package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.report.Sample;

/** POI logs through the Log4j API; a user must never see its "no logging provider" error. */
class QuietLoggingTest {
  @TempDir Path dir;

  // Log4j decides on its provider once per JVM, so only a fresh JVM shows the first message.
  @Test
  void writingAWorkbookInAFreshJvmPrintsNothing() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("smoke.xlsx");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        QuietSmoke.class.getName(), out.toString())
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "smoke run finished");
    String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), err);
    assertEquals("", err);
    assertEquals("", Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8));
    assertTrue(Files.size(out) > 10_000);
  }

  @Test
  void theClassPathHasTheLoggingSettings() {
    List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    assertTrue(entries.size() > 1, "the test JVM sees the real class path: " + entries);
    assertTrue(getClass().getResource("/log4j2.component.properties") != null);
    assertTrue(getClass().getResource("/log4j2.simplelog.properties") != null);
  }

  @Test
  void writingAWorkbookHereWritesNothingToSystemErr() throws IOException {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      new XlsxWriter().write(Sample.report(3), dir.resolve("here.xlsx"));
    } finally {
      System.setErr(saved);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }
}
