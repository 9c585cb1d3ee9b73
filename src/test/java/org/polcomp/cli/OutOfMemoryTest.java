package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
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

  @Test
  void theLineSaysHowLargeTheHeapWasAndWhatToGive() {
    assertEquals("out of memory (a heap of 256 MiB); no output file was replaced. Give the JVM"
        + " more, e.g. JAVA_OPTS=-Xmx1024m, or split the largest files",
        Main.outOfMemoryMessage(256L * 1024 * 1024));
    assertTrue(Main.outOfMemoryMessage(4096L * 1024 * 1024).contains("-Xmx8192m"));
    assertEquals(Main.outOfMemoryMessage(Runtime.getRuntime().maxMemory()),
        Main.describe(new OutOfMemoryError("Java heap space")));
  }
}
