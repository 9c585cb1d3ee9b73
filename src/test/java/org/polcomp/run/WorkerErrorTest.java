package org.polcomp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An error on a reader thread reaches the thread that started the run as the same kind of
 * error, so that the command line reports it (out of memory: one line, exit 3) whichever thread
 * met it.
 */
class WorkerErrorTest {
  @Test
  void outOfMemoryOnAWorkerArrivesAsOutOfMemory() {
    for (int threads : new int[] {0, 1, 4}) {
      OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
          () -> Stages.onThreads(threads, () -> IntStream.range(0, 1000).parallel().map(i -> {
            if (i == 777) {
              throw new OutOfMemoryError("Java heap space");
            }
            return i;
          }).sum()));
      assertEquals(OutOfMemoryError.class, e.getClass(), "threads " + threads);
    }
  }
}
