package org.polcomp.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Work on items {@code 0..n-1} shared by threads that each take the next item as they finish one,
 * the results kept in item order. A parallel stream instead splits the items into a few fixed
 * ranges (four per thread of the pool) and cannot move work between them: reading 2,000 files on
 * 2 cores, the main thread waited a third of the reading time for the other's last range.
 *
 * <p>The threads are those of the pool the caller runs in (the pool of {@code --threads}), else
 * the common pool's with the caller among them, as a parallel stream's would be.
 */
final class Shared {
  private Shared() {}

  /**
   * {@code work} applied to each of {@code 0..n-1}, in that order in the list. An exception of
   * {@code work} ends the run: items not yet taken are not started, and the first exception is
   * thrown again as it was thrown, once every thread has stopped.
   */
  static <R> List<R> map(int n, boolean parallel, IntFunction<R> work) {
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i; failure.get() == null && (i = next.getAndIncrement()) < n; ) {
        try {
          results[i] = work.apply(i);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    if (parallel && n > 1) {
      boolean inPool = ForkJoinTask.inForkJoinPool();
      ForkJoinPool pool = inPool ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
      // The caller is one of the pool's threads, or works beside them as with the common pool.
      int others = Math.min(n - 1, inPool ? pool.getParallelism() - 1 : pool.getParallelism());
      for (int t = 0; t < others; t++) {
        ForkJoinTask<?> task = ForkJoinTask.adapt(worker);
        helpers.add(inPool ? task.fork() : pool.submit(task));
      }
    }
    worker.run();
    for (ForkJoinTask<?> h : helpers) {
      // A helper not yet started finds no item left (or a failure) and ends at once.
      h.join();
    }
    Throwable e = failure.get();
    if (e instanceof Error error) {
      throw error;
    }
    if (e != null) {
      throw (RuntimeException) e;
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }
}
