package org.polcomp.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.polcomp.load.Progress;

/**
 * A one-line progress bar on standard error for long reads: files done, files and measures per
 * second, and the time left. It appears only after a second, so short runs stay silent, and
 * only when standard error is a terminal.
 */
final class ProgressBar implements Progress {
  private static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong measures = new AtomicLong();
  private volatile int total;
  private long started;
  private ScheduledExecutorService ticker;
  private boolean shown;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** A progress bar when standard error is a terminal and not --quiet, else nothing. */
  static Progress forStderr(Console console, boolean quiet) {
    return !quiet && console.terminal().stderrIsTerminal()
        ? new ProgressBar(console.err()) : Progress.NONE;
  }

  @Override
  public synchronized void start(int files) {
    this.total = files;
    this.started = System.nanoTime();
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "polcomp-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
  }

  @Override
  public void fileDone(int measuresInFile) {
    files.incrementAndGet();
    measures.addAndGet(measuresInFile);
  }

  @Override
  public synchronized void done() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (shown) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }

  private synchronized void tick() {
    long elapsed = System.nanoTime() - started;
    if (elapsed < DELAY_NANOS) {
      return;
    }
    shown = true;
    err.print("\r" + render(files.get(), total, measures.get(), elapsed));
    err.flush();
  }

  /** The bar's text, e.g. {@code [#####.....]  1,234/10,000 files  2,100 files/s ... ETA 0:04}. */
  static String render(long done, long total, long measures, long elapsedNanos) {
    double seconds = Math.max(1e-9, elapsedNanos / 1e9);
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = done / seconds;
    long left = rate > 0 ? Math.round((total - done) / rate) : -1;
    String eta = left < 0 ? "--:--" : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
    return String.format(Locale.ROOT, "[%s%s] %,d/%,d files  %,.0f files/s  %,.0f measures/s  ETA %s",
        "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, measures / seconds, eta);
  }
}
