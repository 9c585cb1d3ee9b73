package org.polcomp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagesTest {
  @Test
  void nThreadsRunTheParallelWorkOnAPoolOfN() {
    assertEquals(3, Stages.onThreads(3, () -> ForkJoinTask.getPool().getParallelism()));
    Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
    Stages.onThreads(2, () -> {
      IntStream.range(0, 10_000).parallel().forEach(i -> pools.add(ForkJoinTask.getPool()));
      return null;
    });
    assertEquals(1, pools.size());
    assertEquals(2, pools.iterator().next().getParallelism());
    assertTrue(pools.iterator().next().isShutdown(), "the pool goes with the run");
  }

  @Test
  void oneAndZeroRunOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    assertSame(caller, Stages.onThreads(1, Thread::currentThread));
    // 0: the streams inside use the common pool, as every parallel stream does
    assertSame(caller, Stages.onThreads(0, Thread::currentThread));
    assertNull(Stages.onThreads(0, ForkJoinTask::getPool));
  }

  @Test
  void aFailureComesOutAsThrown() {
    IllegalStateException thrown = new IllegalStateException("boom");
    assertSame(thrown, assertThrows(IllegalStateException.class,
        () -> Stages.onThreads(4, () -> {
          throw thrown;
        })));
  }

  @Test
  void placesSortInDatasetOrder() {
    assertEquals(List.of(new Place(0, 1), new Place(0, 2), new Place(1, 1), new Place(2, 3)),
        Stages.places(Set.of(new Place(2, 3), new Place(0, 2), new Place(1, 1),
            new Place(0, 1))));
  }

  @Test
  void aDatasetIsSmallerThanALimitWhenAllItsFilesTogetherAre(@TempDir Path dir)
      throws IOException {
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    Files.write(dir.resolve("one.yaml"), new byte[600]);
    Files.write(nested.resolve("two.yaml"), new byte[400]);
    Path single = Files.write(dir.resolve("single.yaml"), new byte[10]);
    assertTrue(Stages.smallerThan(options(List.of(dir)), 1011));
    assertFalse(Stages.smallerThan(options(List.of(dir)), 1010), "nested files count too");
    assertFalse(Stages.smallerThan(options(List.of(single, nested)), 410), "every path counts");
    assertTrue(Stages.smallerThan(options(List.of(single, nested)), 411));
    assertTrue(Stages.smallerThan(options(List.of(dir.resolve("missing"))), 1),
        "a path it cannot walk is left to the loader");
  }

  private static DatasetOptions options(List<Path> paths) {
    return new DatasetOptions(paths, null, null, true, 0, 0, 0, 0, 0);
  }

  // What a record's own methods give, for the written-out ones of Place to be compared with.
  private record Generated(int file, int document) {}

  @Test
  void aPlaceIsEqualAndHashedAsARecordIs() {
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 2000; i++) {
      int file = i < 10 ? i : random.nextInt();
      int document = i < 10 ? 9 - i : random.nextInt(1000);
      Place p = new Place(file, document);
      assertEquals(new Generated(file, document).hashCode(), p.hashCode());
      assertEquals(p, new Place(file, document));
      assertFalse(p.equals(new Place(file, document + 1)));
      assertFalse(p.equals(new Place(file + 1, document)));
      assertFalse(p.equals(new Generated(file, document)));
    }
  }

  @Test
  void thePreloadReadsTheBuiltInsThatTheStagesThenFind() {
    assertTrue(Preload.read());
    assertSame(new org.polcomp.load.CodebookLoader(org.polcomp.load.Limits.DEFAULT).defaults(),
        Stages.defaultCodebook());
  }
}
