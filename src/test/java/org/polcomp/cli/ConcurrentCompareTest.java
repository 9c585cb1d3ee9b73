package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;

/** Two compares writing one file at once leave one complete file from one of them. */
class ConcurrentCompareTest {
  @TempDir Path dir;

  @Test
  void twoComparesToOneFileLeaveOneCompleteWorkbook() throws Exception {
    Path out = dir.resolve("c.xlsx");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> policies = () -> CliRunner.run("compare", Datasets.POLICIES, "-o",
          out.toString(), "-q").exit();
      Callable<Integer> invented = () -> CliRunner.run("compare", Datasets.INVENTED, "-o",
          out.toString(), "-q").exit();
      List<Future<Integer>> runs = pool.invokeAll(List.of(policies, invented));
      for (Future<Integer> f : runs) {
        assertEquals(0, f.get());
      }
    } finally {
      pool.shutdown();
    }
    try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      int rows = wb.getSheet("Summary").getLastRowNum();
      // 16 municipalities from the policies copy, or 9 from the invented one: never a mixture.
      assertEquals(true, rows == 16 || rows == 9, "summary rows: " + rows);
      assertEquals(rows == 16 ? 52 : 43, wb.getSheet("Measures").getLastRowNum());
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("c.xlsx"), s.map(p -> p.getFileName().toString()).toList());
    }
  }
}
