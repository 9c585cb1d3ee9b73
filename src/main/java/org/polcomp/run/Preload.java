package org.polcomp.run;

import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.LineageLoader;

/**
 * Reads the built-in codebook and lineage table on a spare core at the start of a command that
 * needs them, while picocli is still reading the command line on the main thread. Both are
 * constants of the jar, read once in a process; on a small dataset reading them was a tenth of
 * the run, and the main thread now finds them read (or waits for the rest). A user's
 * {@code --codebook} or {@code --lineage} file builds on them, so they are never read in vain.
 */
public final class Preload implements Runnable {
  private Preload() {}

  /**
   * Starts reading them on a thread of its own, which does not keep the JVM alive. (The thread
   * runs a Preload, not a lambda: the first lambda of a run sets up their machinery, which would
   * then be on the main thread's way.)
   */
  public static void start() {
    Thread t = new Thread(new Preload(), "polcomp-preload");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    read();
  }

  /** Reads them on the calling thread; true when both were read. */
  static boolean read() {
    try {
      new CodebookLoader(Limits.DEFAULT).defaults();
      new LineageLoader(Limits.DEFAULT).builtIn();
      return true;
    } catch (RuntimeException | Error e) {
      // a broken built-in is a build error: the command meets it again and reports it
      return false;
    }
  }
}
