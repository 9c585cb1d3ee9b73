package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;
import org.polcomp.run.Console;
import org.polcomp.run.Terminal;

/**
 * A run that runs out of memory ends with one line and exit 3, no stack trace. The error is thrown
 * where a run can meet it, without filling the heap: by a writer the run prints to (a worker
 * thread's error reaches the same place, see {@code run.WorkerErrorTest}).
 */
class OutOfMemoryTest {
  /** A writer that runs out of memory at the first write, as a full heap would. */
  private static final class Exhausted extends Writer {
    @Override
    public void write(char[] buf, int off, int len) {
      throw new OutOfMemoryError("Java heap space");
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void outOfMemoryIsOneLineAndExitThree() {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new Exhausted());
    int code = new Main(new Console(out, new PrintWriter(err), Terminal.NONE))
        .run("validate", Datasets.INVENTED);
    String text = err.toString();
    assertEquals(ExitCode.IO, code, text);
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.startsWith("polcomp: out of memory (a heap of "), text);
    assertTrue(text.contains("JAVA_OPTS=-Xmx"), text);
    assertFalse(text.contains("Exception") || text.contains("\tat "), text);
  }

  /**
   * A document that cannot fit the heap is refused before it is parsed (E023, exit 3, in a
   * second), not left to the collector's minutes of trying: a JVM of 64 MiB and a file of one
   * municipality of 3 MiB, which needs about 75 MiB.
   */
  @Test
  void aDocumentLargerThanTheHeapIsRefusedAtOnce(@TempDir Path dir) throws Exception {
    StringBuilder b = new StringBuilder("format: polcomp/1\nmunicipality:\n  id: GM1\n"
        + "  name: Test\n  country: NL\npolicies:\n");
    for (int i = 0; b.length() < 3 * 1024 * 1024; i++) {
      b.append("  - id: m-").append(i).append("\n    title: a measure of some length\n"
          + "    domain: language\n    sources: [{title: a plan}]\n");
    }
    Path file = dir.resolve("large.yaml");
    Files.writeString(file, b.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseParallelGC", "-cp",
        System.getProperty("java.class.path"), "org.polcomp.cli.Main", "validate",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(ExitCode.IO, p.exitValue(), out);
    assertTrue(out.contains("error[E023]: cannot read " + file + " in this heap"), out);
    assertTrue(out.contains("JAVA_OPTS=-Xmx1024m"), out);
    assertFalse(out.contains("Exception") || out.contains("\tat "), out);
  }

  @Test
  void theLineSaysHowLargeTheHeapWasAndWhatToGive() {
    assertEquals("out of memory (a heap of 256 MiB); no output file was replaced. Give the JVM"
        + " more, e.g. JAVA_OPTS=-Xmx1024m, or split the largest files",
        Main.outOfMemoryMessage(256L * 1024 * 1024));
    assertTrue(Main.outOfMemoryMessage(4096L * 1024 * 1024).contains("-Xmx8192m"));
    assertEquals(Main.outOfMemoryMessage(Runtime.getRuntime().maxMemory()),
        Main.describe(new OutOfMemoryError("Java heap space")));
  }

  /** Sensitivity holds every measure's evidence: smaller files would not help it. */
  @Test
  void sensitivityIsNotToldToSplitFiles() {
    String line = Main.outOfMemoryMessage(256L * 1024 * 1024, "sensitivity");
    assertFalse(line.contains("split"), line);
    assertTrue(line.endsWith("JAVA_OPTS=-Xmx1024m, or analyse fewer municipalities at once"),
        line);
    assertEquals(Main.outOfMemoryMessage(256L * 1024 * 1024),
        Main.outOfMemoryMessage(256L * 1024 * 1024, "validate"));
  }
}
