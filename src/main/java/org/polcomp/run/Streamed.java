package org.polcomp.run;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.MeasureRow;
import org.polcomp.classify.Classification;
import org.polcomp.model.Codebook;
import org.polcomp.model.Dataset;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.report.Columns;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.RowSpool;
import org.polcomp.report.Table;

/**
 * A comparison made while the dataset streams past (compare, classify --format csv|json): each
 * municipality's aggregate part is made on the reader thread that read it, and the rows of its
 * active measures go to a {@link RowSpool} on disk, both under the municipality's {@link Place}.
 * What stays in memory is a few rows per municipality, so a dataset of millions of measures is
 * compared in a small, fixed heap; the measures table is read back from the spool in table order
 * when a writer asks for it.
 */
final class Streamed implements Stages.Sink, Closeable {
  private final AggregateOptions options;
  private final boolean parts;
  private final RowSpool spool;
  private final Map<Place, Aggregator.Part> byPlace = new ConcurrentHashMap<>();
  private final Set<Place> spooled = ConcurrentHashMap.newKeySet();
  private Aggregator aggregator;

  private final boolean mergeable;
  // The writer of a run whose only output of the measures is CSV: their rows are spooled as its
  // records (EncodedRows). Null when another writer reads the cells.
  private final CsvWriter csv;

  private Streamed(AggregateOptions options, boolean parts, boolean mergeable, CsvWriter csv)
      throws IOException {
    this.options = options;
    this.parts = parts;
    this.mergeable = mergeable;
    this.csv = csv;
    this.spool = RowSpool.open();
  }

  /**
   * The measures table and the aggregate tables (compare); {@code mergeable} when the parts may
   * be merged onto boundaries later, which keeps what merging needs of each municipality; {@code
   * csv} the writer when the measures table is written only by one like it, else null.
   */
  static Streamed comparison(AggregateOptions options, boolean mergeable, CsvWriter csv)
      throws IOException {
    return new Streamed(options, true, mergeable, csv);
  }

  /**
   * Only the measures table (classify); {@code csv} the writer when only one like it writes the
   * table, else null.
   */
  static Streamed measuresOnly(LocalDate asOf, CsvWriter csv) throws IOException {
    return new Streamed(new AggregateOptions(asOf, false, null), false, false, csv);
  }

  // a comparison's About names its inputs by hash; classify's table does not
  @Override
  public boolean recordsInputs() {
    return parts;
  }

  @Override
  public void start(Codebook codebook) {
    aggregator = new Aggregator(codebook);
  }

  @Override
  public void accept(Place place, Municipality kept, Municipality read,
      List<Classification> classifications) {
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
    if (csv != null) {
      spool.putEncoded(place, csv.records(Columns.MEASURES, rows), rows.size());
    } else {
      spool.put(place, Columns.MEASURES, rows);
    }
    spooled.add(place);
    if (parts) {
      byPlace.put(place, aggregator.part(read, all, options, mergeable));
    }
  }

  /**
   * Leaves the municipalities of these files (indexes among the files read) out of the
   * comparison and the measures table (compare --skip-invalid): they were streamed before their
   * files' errors were all known. Their rows stay in the spool file, unread.
   */
  void leaveOut(Set<Integer> files) {
    if (files.isEmpty()) {
      return;
    }
    byPlace.keySet().removeIf(p -> files.contains(p.file()));
    spooled.removeIf(p -> files.contains(p.file()));
  }

  /** The comparison of a run that went through this sink and has no errors. */
  Comparison comparison() {
    return combined(options);
  }

  /**
   * The comparison with other options for combining the parts: the stream's, with the boundaries
   * and the lineage table that the run has read only by now.
   */
  Comparison combined(AggregateOptions options) {
    if (!parts) {
      throw new IllegalStateException("a measures-only stream has no comparison");
    }
    List<Aggregator.Part> inDatasetOrder = new ArrayList<>(byPlace.size());
    for (Place place : Stages.places(byPlace.keySet())) {
      inDatasetOrder.add(byPlace.get(place));
    }
    return aggregator.combine(inDatasetOrder, options);
  }

  /**
   * The measures table of the run, in table order (file path, then document: the dataset's own
   * order when it was read from sorted paths), read from the spool as it is iterated; for a CSV
   * stream, the records for its writer.
   */
  Table measures(Dataset dataset) {
    List<Place> places = Stages.places(spooled);
    places.sort(Comparator.comparing((Place p) -> dataset.files().get(p.file()).path())
        .thenComparingInt(Place::document));
    return Columns.MEASURES.with(csv != null ? spool.encoded(places, csv.raw())
        : spool.rows(places));
  }

  @Override
  public void close() throws IOException {
    spool.close();
  }
}
