package org.polcomp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.polcomp.load.Progress;

class ProgressBarTest {
  @Test
  void rendersFilesRatesAndTimeLeft() {
    String s = ProgressBar.render(2_500, 10_000, 50_000, TimeUnit.SECONDS.toNanos(5));
    assertEquals("[######..................] 2,500/10,000 files  500 files/s  10,000 measures/s"
        + "  ETA 0:15", s);
    assertEquals("[########################] 3/3 files  3 files/s  0 measures/s  ETA 0:00",
        ProgressBar.render(3, 3, 0, TimeUnit.SECONDS.toNanos(1)));
    assertEquals("[........................] 0/3 files  0 files/s  0 measures/s  ETA --:--",
        ProgressBar.render(0, 3, 0, TimeUnit.SECONDS.toNanos(1)));
  }

  @Test
  void silentWhenStandardErrorIsNotATerminal() {
    // Under the build, standard error is a pipe or a file.
    assertFalse(Terminal.stderrLinksToTerminal());
    PrintWriter w = new PrintWriter(new StringWriter());
    assertEquals(Progress.NONE, ProgressBar.forStderr(new Console(w, w, Terminal.NONE), false));
    Terminal stderr = new Terminal(false, true, 80, false);
    assertInstanceOf(ProgressBar.class, ProgressBar.forStderr(new Console(w, w, stderr), false));
    assertEquals(Progress.NONE, ProgressBar.forStderr(new Console(w, w, stderr), true), "quiet");
  }

  @Test
  void aShortRunPrintsNothing() {
    StringWriter w = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(w));
    bar.start(2);
    bar.fileDone(3);
    bar.fileDone(4);
    bar.done();
    assertEquals("", w.toString());
  }
}
