package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shares of the heap that files being read hold: what fits together, and what waits. */
class MemoryBudgetTest {
  private static final long MIB = 1024 * 1024;
  private static final long LARGEST_FILE = Limits.DEFAULT.maxFileBytes();

  @Test
  void theLaunchersHeapsHoldTwoLargestFilesAtOnceAndNoMore() {
    for (long heap : new long[] {768 * MIB, 1024 * MIB}) {
      MemoryBudget budget = MemoryBudget.ofHeap(heap);
      MemoryBudget.Share a = budget.tryTake(LARGEST_FILE);
      MemoryBudget.Share b = budget.tryTake(LARGEST_FILE);
      assertNotNull(a);
      assertNotNull(b);
      assertNull(budget.tryTake(LARGEST_FILE), "a third 16 MiB file waits, heap " + heap);
      a.close();
      MemoryBudget.Share c = budget.tryTake(LARGEST_FILE);
      assertNotNull(c, "room again once a file is done");
      // What is held always fits the heap together with the run's reserve.
      long held = (long) (budget.total() - budget.available()) * 1024;
      assertTrue(held + MemoryBudget.reserve(heap) <= heap, () -> held + " of " + heap);
      b.close();
      c.close();
      assertEquals(budget.total(), budget.available());
    }
  }

  @Test
  void aFileLargerThanTheBudgetIsReadAloneNotNever() {
    MemoryBudget budget = MemoryBudget.ofHeap(256 * MIB);
    assertEquals(budget.total(), budget.weight(LARGEST_FILE));
    MemoryBudget.Share alone = budget.tryTake(LARGEST_FILE);
    assertNotNull(alone);
    assertNull(budget.tryTake(1), "nothing else while it is read");
    alone.close();
    assertEquals(1, budget.weight(0), "an empty or unreadable file still takes its turn");
  }

  @Test
  void aDocumentThatCannotFitTheHeapIsKnownBeforeItIsParsed() {
    // the launchers' heaps hold the largest file of one document; 256 MiB does not
    assertTrue(MemoryBudget.fitsHeap(LARGEST_FILE, 768 * MIB));
    assertTrue(MemoryBudget.fitsHeap(LARGEST_FILE, 1024 * MIB));
    assertTrue(!MemoryBudget.fitsHeap(LARGEST_FILE, 256 * MIB));
    // a file of many small documents holds little more than its bytes and text
    assertTrue(MemoryBudget.fitsHeap(LARGEST_FILE / 5, 256 * MIB));
  }

  @Test
  void weightsFollowTheMeasuredFactor() {
    MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE / 4);
    assertEquals(MemoryBudget.HEAP_PER_BYTE * 16 * 1024, budget.weight(16 * MIB));
    assertEquals(MemoryBudget.HEAP_PER_BYTE * 1024, budget.weight(MIB));
    // rounded up to the next KiB
    assertEquals(1, budget.weight(10));
  }

  @Test
  void aFileOfManyDocumentsGivesBackWhatItsLargestDoesNotNeed() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append("---\nformat: polcomp/1\nmunicipality: {id: GM").append(i).append("}\n");
    }
    byte[] bytes = many.toString().getBytes(StandardCharsets.UTF_8);
    long held = MemoryBudget.heldBytes(bytes);
    int doc = bytes.length / 100;
    // all of it as bytes and text, one document as tree and model
    long expected = ((long) bytes.length * MemoryBudget.WHOLE_FILE_PER_BYTE
        + (long) (doc + 1) * (MemoryBudget.HEAP_PER_BYTE - MemoryBudget.WHOLE_FILE_PER_BYTE))
        / MemoryBudget.HEAP_PER_BYTE;
    assertTrue(Math.abs(held - expected) <= 2, held + " vs " + expected);
    assertTrue(held < bytes.length / 4);
    byte[] one = "format: polcomp/1\nnote: |\n  text --- not a marker\n".getBytes(
        StandardCharsets.UTF_8);
    assertEquals(one.length, MemoryBudget.heldBytes(one));

    MemoryBudget budget = MemoryBudget.ofHeap(768 * MIB);
    MemoryBudget.Share s = budget.tryTake(bytes.length);
    int before = budget.available();
    s.shrinkTo(held);
    assertEquals(budget.weight(bytes.length) - budget.weight(held),
        budget.available() - before);
    s.shrinkTo(bytes.length); // never grows
    s.close();
    assertEquals(budget.total(), budget.available());
  }

  @Test
  void threadsNeverHoldMoreThanTheBudget() throws InterruptedException {
    MemoryBudget budget = new MemoryBudget(10 * 1024 * 18);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      long size = 1024L * (1 + t % 4);
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          MemoryBudget.Share share = budget.take(size);
          int now = held.addAndGet(budget.weight(size));
          most.accumulateAndGet(now, Math::max);
          Thread.onSpinWait();
          held.addAndGet(-budget.weight(size));
          share.close();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertTrue(most.get() <= budget.total(), most + " > " + budget.total());
    assertEquals(budget.total(), budget.available());
  }
}
