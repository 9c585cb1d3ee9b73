package org.polcomp.cli;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.MeasureRow;
import org.polcomp.classify.Classification;
import org.polcomp.model.Codebook;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.report.Columns;
import org.polcomp.report.RowSpool;
import org.polcomp.report.Table;

/**
 * A comparison made while the dataset streams past (compare, classify --format csv|json): each
 * municipality's aggregate part is made on the reader thread that read it, and the rows of its
 * active measures go to a {@link RowSpool} on disk. What stays in memory is a few rows per
 * municipality, so a dataset of millions of measures is compared in a small, fixed heap; the
 * measures table is read back from the spool in table order when a writer asks for it.
 */
final class Streamed implements Pipeline.Sink, Closeable {
  private final AggregateOptions options;
  private final boolean parts;
  private final RowSpool spool;
  private final Map<Municipality, Aggregator.Part> byMunicipality =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private Aggregator aggregator;

  private Streamed(AggregateOptions options, boolean parts) throws IOException {
    this.options = options;
    this.parts = parts;
    this.spool = RowSpool.open();
  }

  /** The measures table and the aggregate tables (compare). */
  static Streamed comparison(AggregateOptions options) throws IOException {
    return new Streamed(options, true);
  }

  /** Only the measures table (classify). */
  static Streamed measuresOnly(LocalDate asOf) throws IOException {
    return new Streamed(new AggregateOptions(asOf, false, null), false);
  }

  @Override
  public void start(Codebook codebook) {
    aggregator = new Aggregator(codebook);
  }

  @Override
  public void accept(Municipality kept, Municipality read, List<Classification> classifications) {
    List<ClassifiedMeasure> all = new ArrayList<>(read.measures().size());
    List<MeasureRow> rows = new ArrayList<>(read.measures().size());
    for (int i = 0; i < read.measures().size(); i++) {
      Measure m = read.measures().get(i);
      ClassifiedMeasure cm = new ClassifiedMeasure(read, m, classifications.get(i));
      all.add(cm);
      if (options.asOf() == null || m.period().activeOn(options.asOf())) {
        rows.add(MeasureRow.of(cm));
      }
    }
    spool.put(kept, Columns.MEASURES, rows);
    if (parts) {
      byMunicipality.put(kept, aggregator.part(read, all, options));
    }
  }

  /** The comparison of a run that went through this sink and has no errors. */
  Comparison comparison(Pipeline.Loaded run) {
    if (!parts) {
      throw new IllegalStateException("a measures-only stream has no comparison");
    }
    return aggregator.combine(run.dataset().municipalities(), byMunicipality::get, options);
  }

  /** The measures table of the run, in table order, read from the spool as it is iterated. */
  Table measures(Pipeline.Loaded run) {
    List<Municipality> byFile = new ArrayList<>(run.dataset().municipalities());
    byFile.sort(Aggregator.FILE_ORDER);
    return Columns.MEASURES.with(spool.rows(byFile));
  }

  @Override
  public void close() throws IOException {
    spool.close();
  }
}
