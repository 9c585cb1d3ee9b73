package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread that fetches files from disk ahead of the readers (the readers' side is theirs). */
class ReadAheadTest {
  private static List<Path> files(int n) {
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      files.add(Path.of(Integer.toString(i)));
    }
    return files;
  }

  /** A read-ahead whose reads take {@code nanos(i)} and whose readers are always one behind. */
  private static ReadAhead keptUp(int n, IntToLongFunction nanos) {
    ReadAhead[] ahead = new ReadAhead[1];
    ahead[0] = new ReadAhead(files(n), p -> {
      int i = Integer.parseInt(p.toString());
      ahead[0].reached(i - 1);
      return nanos.applyAsLong(i);
    });
    return ahead[0];
  }

  @Test
  void aFewFilesGetNoThread() {
    ReadAhead ahead = ReadAhead.start(files(ReadAhead.MIN_FILES - 1));
    ahead.stop();
    assertEquals(0, ahead.touched());
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("polcomp-read-ahead")));
  }

  @Test
  void filesFromDiskAreAllRead() {
    ReadAhead ahead = keptUp(5_000, i -> 200_000);
    ahead.run();
    assertEquals(5_000, ahead.touched());
  }

  @Test
  void cachedFilesAreOnlyLookedAt() {
    int n = 20_000;
    ReadAhead ahead = keptUp(n, i -> 5_000);
    ahead.run();
    // the first block in full, then one file in PROBE_EVERY
    int expected = ReadAhead.BLOCK + (n - ReadAhead.BLOCK) / ReadAhead.PROBE_EVERY;
    assertTrue(Math.abs(ahead.touched() - expected) <= 2, ahead.touched() + " vs " + expected);
  }

  @Test
  void aFewReadsWaitingForACoreStillCountAsCached() {
    // one read in ten slow, scattered (the thread waited for a core, not for the disk)
    ReadAhead ahead = keptUp(20_000, i -> (i * 2654435761L >>> 8) % 10 == 0 ? 5_000_000 : 5_000);
    ahead.run();
    assertTrue(ahead.touched() < 1_000, "touched " + ahead.touched());
  }

  @Test
  void filesThatTurnSlowAreReadInFullAgain() {
    int n = 20_000;
    ReadAhead ahead = keptUp(n, i -> i < n / 2 ? 5_000 : 200_000);
    ahead.run();
    // At most two blocks of looks (PROBE_BLOCK files PROBE_EVERY apart) into the slow half: the
    // one it began in the quick half, whose looks are half quick, and the next.
    int slowHalf = n / 2 - 2 * ReadAhead.PROBE_BLOCK * ReadAhead.PROBE_EVERY;
    assertTrue(ahead.touched() > slowHalf, "touched " + ahead.touched());
    assertTrue(ahead.touched() < n / 2 + 1_000, "touched " + ahead.touched());
  }

  @Test
  void itStaysAWindowAheadOfTheReadersAndSkipsWhatTheyPassed() throws Exception {
    ReadAhead ahead = new ReadAhead(files(5_000), p -> 200_000);
    Thread t = new Thread(ahead);
    t.start();
    try {
      waitFor(() -> ahead.touched() == ReadAhead.WINDOW);
      Thread.sleep(50);
      assertEquals(ReadAhead.WINDOW, ahead.touched(), "no further than the window");
      ahead.reached(3_000); // files 256 to 3,000 are read already: not looked at
      waitFor(() -> ahead.touched() == 2 * ReadAhead.WINDOW);
      Thread.sleep(50);
      assertEquals(2 * ReadAhead.WINDOW, ahead.touched());
    } finally {
      ahead.stop();
      t.join(5_000);
    }
    assertFalse(t.isAlive(), "stop() ends the thread");
  }

  @Test
  void readsOnlyRegularFilesAndIgnoresErrors(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.yaml"), "municipality: {}\n");
    assertTrue(ReadAhead.touch(file) > 0);
    assertEquals(0, ReadAhead.touch(dir.resolve("missing.yaml")));
    assertEquals(0, ReadAhead.touch(dir));
    Path fifo = dir.resolve("pipe.yaml");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      made = false;
    }
    assumeTrue(made, "mkfifo is not available");
    // opening a named pipe would wait for a writer for ever
    assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ReadAhead.touch(fifo)));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out");
      Thread.sleep(1);
    }
  }
}
