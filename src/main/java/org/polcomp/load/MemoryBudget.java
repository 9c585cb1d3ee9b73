package org.polcomp.load;

import java.util.concurrent.Semaphore;

/**
 * How much of the heap the files being read may take at once, so that reading on many threads
 * never needs more memory than one file at a time would: each file holds a share of the budget,
 * weighed from its size, while it is read, and a thread whose file does not fit waits until
 * others are done. A file larger than the whole budget is read alone (and may still run out of
 * memory, which the command line reports in one line).
 *
 * <p>The weight of a file is its size times {@link #HEAP_PER_BYTE}. A single-document file is
 * held at once as bytes, text, YAML tree and model; measured with {@code
 * org.polcomp.load.Footprint} (test code) on a generated 16 MiB file of one municipality with
 * 35,518 measures: bytes 1.0, text 2.0 (the reader's array of characters), trees 8.4 (the
 * format's keys are one shared instance each, {@link KeyTable}), model 3.3 (each measure keeps
 * the map of its values' places as the binder made it), in all 14.7 heap bytes per byte of
 * YAML. The budget counts 18, for the classifications made on the way and the
 * parser's own buffers. A file of many documents needs
 * less, one document's tree and model at a time: it is weighed as a single document until its
 * bytes are read, then gives back what its largest document does not need ({@link
 * #heldBytes}).
 */
final class MemoryBudget {
  /** Heap bytes a file may take per byte of it while it is read (see above). */
  static final int HEAP_PER_BYTE = 18;

  /**
   * What the rest of a run keeps besides the files being read (the codebook, the counts and
   * diagnostics, the municipalities kept, the streaming jobs' buffers): 64 MiB and an eighth of
   * the heap.
   */
  static long reserve(long maxHeap) {
    return 64L * 1024 * 1024 + maxHeap / 8;
  }

  /** The heap bytes per byte that were measured (see above), without the budget's margin. */
  static final int MEASURED_PER_BYTE = 15;

  /** What a run holds before it reads any file: classes, the codebook, the JIT's data. */
  static final long BASELINE = 32L * 1024 * 1024;

  /**
   * Whether a file that holds {@code heldBytes} (see {@link #heldBytes}) can be read in a heap of
   * {@code maxHeap} bytes at all. One that cannot would not fail at once: the collector would
   * spend minutes freeing a little at a time before giving up. So it is refused before it is
   * parsed.
   */
  static boolean fitsHeap(long heldBytes, long maxHeap) {
    return heldBytes * MEASURED_PER_BYTE + BASELINE <= maxHeap;
  }

  /** Heap bytes per byte of the whole file when it has several documents: bytes and text. */
  static final int WHOLE_FILE_PER_BYTE = 3;

  /**
   * The size of a single-document file that weighs what reading {@code bytes} needs: all of it
   * as bytes and text, and its largest document as tree and model (documents are separated by
   * lines that start with {@code ---} or {@code ...}; an estimate, since a block of text may hold
   * such a line, which only makes the estimate smaller than the truth by that document).
   */
  static long heldBytes(byte[] bytes) {
    long largest = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if ((i == 0 || bytes[i - 1] == '\n') && isMarker(bytes, i)) {
        largest = Math.max(largest, i - start);
        start = i;
      }
    }
    largest = Math.max(largest, bytes.length - start);
    if (largest == bytes.length) {
      return bytes.length;
    }
    long need = (long) bytes.length * WHOLE_FILE_PER_BYTE + largest * (HEAP_PER_BYTE
        - WHOLE_FILE_PER_BYTE);
    return Math.min(bytes.length, (need + HEAP_PER_BYTE - 1) / HEAP_PER_BYTE);
  }

  private static boolean isMarker(byte[] b, int i) {
    if (i + 3 > b.length) {
      return false;
    }
    boolean dashes = b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '-';
    boolean dots = b[i] == '.' && b[i + 1] == '.' && b[i + 2] == '.';
    return (dashes || dots) && (i + 3 == b.length || b[i + 3] == ' ' || b[i + 3] == '\n'
        || b[i + 3] == '\r' || b[i + 3] == '\t');
  }

  // Permits are KiB, so that an int holds a budget of up to 2 TiB.
  private static final int UNIT = 1024;

  private final Semaphore permits;
  private final int total;

  /** A budget of {@code bytes} for the files being read. */
  MemoryBudget(long bytes) {
    this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
    // Fair: a large file waiting for room is not overtaken forever by small ones.
    this.permits = new Semaphore(total, true);
  }

  /** The budget of this JVM's heap ({@code Runtime.maxMemory()}) less the run's reserve. */
  static MemoryBudget ofHeap(long maxHeap) {
    return new MemoryBudget(Math.max(maxHeap / 2, maxHeap - reserve(maxHeap)));
  }

  /** The permits a file of {@code fileBytes} bytes holds: at least one, at most the budget. */
  int weight(long fileBytes) {
    long kib = (Math.max(0, fileBytes) * HEAP_PER_BYTE + UNIT - 1) / UNIT;
    return (int) Math.max(1, Math.min(total, kib));
  }

  /** The whole budget, in permits. */
  int total() {
    return total;
  }

  /** The permits free now (for tests). */
  int available() {
    return permits.availablePermits();
  }

  /** Holds a file's share of the budget until closed. */
  final class Share implements AutoCloseable {
    private int held;

    private Share(int held) {
      this.held = held;
    }

    /** Gives back what the file turns out not to need: it holds {@code fileBytes}' weight. */
    void shrinkTo(long fileBytes) {
      int keep = Math.min(held, weight(fileBytes));
      permits.release(held - keep);
      held = keep;
    }

    @Override
    public void close() {
      permits.release(held);
      held = 0;
    }
  }

  /**
   * Waits until a file of {@code fileBytes} bytes fits, and takes its share. Not interruptible: a
   * run is stopped by ending the JVM, and a thread that gave up here would only read its file
   * without a share.
   */
  Share take(long fileBytes) {
    int w = weight(fileBytes);
    permits.acquireUninterruptibly(w);
    return new Share(w);
  }

  /** Takes a share only if it fits now (for tests). */
  Share tryTake(long fileBytes) {
    int w = weight(fileBytes);
    return permits.tryAcquire(w) ? new Share(w) : null;
  }
}
