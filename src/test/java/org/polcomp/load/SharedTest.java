package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedTest {
  @Test
  void resultsKeepTheOrderOfTheItemsWhateverTheThreads() {
    for (int n : new int[] {0, 1, 2, 1000}) {
      List<Integer> want = IntStream.range(0, n).map(i -> i * i).boxed().toList();
      assertEquals(want, Shared.map(n, true, i -> i * i), "parallel, n=" + n);
      assertEquals(want, Shared.map(n, false, i -> i * i), "sequential, n=" + n);
    }
  }

  @Test
  void sequentialWorkStaysOnTheCallingThread() {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    Shared.map(200, false, i -> seen.add(Thread.currentThread()));
    assertEquals(Set.of(Thread.currentThread()), seen);
  }

  /**
   * The point of the class: a thread that is done takes whatever is left, so a slow first item
   * does not hold back the items after it. Item 0 waits until every other item is done, which
   * only ends if other threads take them all: a split into fixed ranges would put items 1 and
   * on in the same range as item 0, behind it.
   */
  @Test
  void aThreadThatIsDoneTakesTheItemsLeft() {
    int n = 64;
    CountDownLatch others = new CountDownLatch(n - 1);
    List<Boolean> done = Shared.map(n, true, i -> {
      if (i == 0) {
        try {
          return others.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      others.countDown();
      return true;
    });
    assertEquals(n, done.size());
    assertTrue(done.get(0), "item 0 timed out waiting for the others: they were not taken");
  }

  @Test
  void inAPoolTheWorkRunsOnThatPoolsThreads() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      Set<Thread> seen = ConcurrentHashMap.newKeySet();
      CountDownLatch three = new CountDownLatch(3);
      List<Integer> r = pool.submit(() -> Shared.map(300, true, i -> {
        seen.add(Thread.currentThread());
        if (i < 3) {
          // the first three items meet: three threads of the pool at once
          three.countDown();
          try {
            three.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return i;
      })).get(60, TimeUnit.SECONDS);
      assertEquals(IntStream.range(0, 300).boxed().toList(), r);
      assertEquals(0, three.getCount(), "three threads did not work at once");
      assertEquals(3, seen.size(), "threads: " + seen);
      for (Thread t : seen) {
        assertTrue(t instanceof java.util.concurrent.ForkJoinWorkerThread
            && ((java.util.concurrent.ForkJoinWorkerThread) t).getPool() == pool, t.getName());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFirstFailureIsThrownAsItWasAndStopsTheRest() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger started = new AtomicInteger();
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Shared.map(100_000, true, i -> {
          started.incrementAndGet();
          if (i == 10) {
            throw boom;
          }
          return i;
        }));
    assertSame(boom, thrown);
    assertTrue(started.get() < 100_000, "every item started after the failure");
  }

  @Test
  void anErrorIsThrownAsItWasToo() {
    AssertionError bad = new AssertionError("bad");
    assertSame(bad, assertThrows(AssertionError.class, () -> Shared.map(5, true, i -> {
      if (i == 4) {
        throw bad;
      }
      return i;
    })));
  }
}
