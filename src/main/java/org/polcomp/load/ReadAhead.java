package org.polcomp.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * Brings the files a run is about to read into the operating system's cache, a little ahead of
 * the threads that read them, when they come from disk. A reading thread waits for the disk on
 * every file it opens, and with 100,000 files not in the cache the two reading threads of a
 * 2-core machine spent more time waiting (12 s each) than reading (9 s): validate took 26.7 s,
 * against 12 to 13 s with the files cached. This thread reads one byte of each file, which has
 * the kernel read the start of the file (16 KiB, and most policy files are smaller) while the
 * readers are busy with earlier files.
 *
 * <p>It stays at most {@link #WINDOW} files ahead of the readers and skips what they have
 * passed. When the files turn out to be cached (almost every read quick) it only looks at every
 * {@link #PROBE_EVERY}th file, and carries on in full should those turn slow: with a cached
 * dataset it costs little. It opens regular files only (a named pipe would block it),
 * ignores every error (the reader meets it and reports it), and runs as a daemon, so it never
 * holds up the end of a run. What it reads is never used: the output cannot depend on it.
 */
final class ReadAhead implements Runnable {
  /**
   * Fewer files than this are read without it. Below, the readers keep both cores busy from the
   * first file, while this thread's reads wait for a core as often as for the disk and its
   * quick reads cannot be told from slow ones: with 2,000 cached files it read every one of
   * them instead of one in {@link #PROBE_EVERY}.
   */
  static final int MIN_FILES = 10_000;
  /** How many files it may be ahead of the furthest file a reader has started. */
  static final int WINDOW = 256;
  /**
   * A read quicker than this found the file cached: about 7 us on a 2-core machine, against
   * 50 us and more from its disk.
   */
  static final long FAST_NANOS = 30_000;
  /**
   * Files are taken to be cached when 7 in 8 of this many reads in a row were quick (a read
   * may wait for a core, the readers keeping both busy), and to come from disk again when half
   * of {@link #PROBE_BLOCK} looks were slow.
   */
  static final int BLOCK = 128;
  /** In a cached dataset, one file in this many is still looked at. */
  static final int PROBE_EVERY = 64;
  /** How many of those looks decide whether the files are still cached. */
  static final int PROBE_BLOCK = 16;
  /** How long it waits when it is a window ahead of the readers. */
  private static final long WAIT_NANOS = 1_000_000;

  private final List<Path> files;
  private final ToLongFunction<Path> touch;
  private final AtomicInteger reached = new AtomicInteger(-1);
  private final AtomicInteger touched = new AtomicInteger();
  private volatile boolean stopped;

  /** {@code touch} reads a little of a file and says how long that took, in nanoseconds. */
  ReadAhead(List<Path> files, ToLongFunction<Path> touch) {
    this.files = files;
    this.touch = touch;
  }

  /**
   * Started on a thread of its own for {@code files}; for a few files one that is never started
   * (a new one each time: what the readers tell it is state of its own run).
   */
  static ReadAhead start(List<Path> files) {
    if (files.size() < MIN_FILES) {
      return new ReadAhead(files, p -> 0);
    }
    ReadAhead ahead = new ReadAhead(files, ReadAhead::touch);
    Thread t = new Thread(ahead, "polcomp-read-ahead");
    t.setDaemon(true);
    t.start();
    return ahead;
  }

  /** A reader has started on file {@code i}. */
  void reached(int i) {
    if (i > reached.get()) {
      reached.accumulateAndGet(i, Math::max);
    }
  }

  /** The readers are done: the thread ends at its next file. */
  void stop() {
    stopped = true;
  }

  /** How many files it has read a byte of (for tests). */
  int touched() {
    return touched.get();
  }

  @Override
  public void run() {
    boolean cached = false;
    int looked = 0;
    int quick = 0;
    for (int i = 0; i < files.size() && !stopped; i++) {
      while (i > reached.get() + WINDOW && !stopped) {
        // ten times as long among cached files, where nothing is won by being early
        LockSupport.parkNanos(cached ? 10 * WAIT_NANOS : WAIT_NANOS);
      }
      int r = reached.get();
      if (i <= r) {
        i = r; // the readers are past these already: on from the next
        continue;
      }
      if (cached && i % PROBE_EVERY != 0) {
        continue;
      }
      long nanos = touch.applyAsLong(files.get(i));
      touched.incrementAndGet();
      looked++;
      if (nanos < FAST_NANOS) {
        quick++;
      }
      int block = cached ? PROBE_BLOCK : BLOCK;
      if (looked == block) {
        // cached when 7 in 8 reads were quick; from disk again when half the looks were slow
        cached = cached ? quick * 2 >= block : quick * 8 >= block * 7;
        looked = 0;
        quick = 0;
      }
    }
  }

  /** Reads the first byte of a regular file; how long it took (0 for anything else). */
  static long touch(Path file) {
    long start = System.nanoTime();
    try {
      if (!Files.isRegularFile(file)) {
        return 0;
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        ch.read(ByteBuffer.allocate(1));
      }
    } catch (IOException | RuntimeException e) {
      return 0; // the reader meets it and says what it is
    }
    return System.nanoTime() - start;
  }
}
