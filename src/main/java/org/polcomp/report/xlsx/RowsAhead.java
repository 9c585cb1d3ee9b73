package org.polcomp.report.xlsx;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.polcomp.report.Futures;

/**
 * The data rows of the larger sheets, written out while the rest of the workbook is built.
 *
 * <p>Why: a workbook is built in two steps, POI's part (the overview, the small sheets, styles
 * and charts) on one thread and then {@link Repack}, which writes each sheet's rows into the
 * package. On a comparison of 2,000 municipalities the measures sheet alone kept one core busy
 * for a second and a half after POI was done, while the other idled. So a sheet's rows are
 * rendered (as the XML {@link SheetRows} writes) into a temporary file as soon as its table is
 * placed, on a thread of their own beside POI's, and {@link Repack} copies that file into the
 * package instead of rendering the rows then. A sheet is rendered once either way, in row order
 * (its hyperlinks are numbered as they come), so the workbook has the same bytes.
 *
 * <p>Only sheets of {@value #MIN_ROWS} to {@value #MAX_ROWS} rows: smaller ones are not worth a
 * file, and larger ones (a dataset of hundreds of thousands of measures) would need gigabytes of
 * temporary space; both are rendered by {@link Repack} as before.
 */
final class RowsAhead implements Closeable {
  static final int MIN_ROWS = 2_000;
  static final int MAX_ROWS = 300_000;

  private final Hyperlinks links;
  private final Map<String, Future<Path>> started = new LinkedHashMap<>();
  private final List<Path> files = new ArrayList<>();
  private ExecutorService pool;

  RowsAhead(Hyperlinks links) {
    this.links = links;
  }

  /** Starts rendering the sheets of {@code rows} that are worth it and not yet started. */
  synchronized void start(Map<String, SheetRows> rows) throws IOException {
    for (SheetRows r : rows.values()) {
      if (started.containsKey(r.part()) || r.count() < MIN_ROWS || r.count() > MAX_ROWS) {
        continue;
      }
      if (pool == null) {
        pool = Executors.newSingleThreadExecutor(task -> {
          Thread t = new Thread(task, "polcomp-rows");
          t.setDaemon(true);
          return t;
        });
      }
      Path file = Hyperlinks.temporary("rows");
      files.add(file);
      started.put(r.part(), pool.submit(() -> {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
          r.write(out, links);
        }
        return file;
      }));
    }
  }

  /** Writes a sheet's data rows: the rendering started for it, or rendered now. */
  void write(SheetRows rows, OutputStream out) throws IOException {
    Future<Path> f;
    synchronized (this) {
      f = started.get(rows.part());
    }
    if (f == null) {
      rows.write(out, links);
    } else {
      Files.copy(Futures.get(f, "writing the rows of " + rows.part()), out);
    }
  }

  /** Stops a rendering still under way (a run that failed) and deletes the files. */
  @Override
  public synchronized void close() throws IOException {
    if (pool != null) {
      pool.shutdownNow();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Path p : files) {
      Files.deleteIfExists(p);
    }
  }
}
