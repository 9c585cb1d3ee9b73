package org.polcomp.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Rule;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;

/**
 * Turns a {@link Comparison} into the {@link Report} that every writer reads: the rows of each
 * table in the order of {@link Columns}. The aggregate rows are records whose components are the
 * table's columns in order (a test holds them to it), so they become rows component by component;
 * measure rows are made lazily, one at a time, as the writers ask for them.
 */
public final class ComparisonReport {
  private ComparisonReport() {}

  /** What the About sheet and the JSON header say of the run. */
  public record RunInfo(String toolVersion, String commandLine, Map<String, Object> options,
      int files, String inputsSha256) {}

  /**
   * The report of a comparison whose measures table is {@code measures} (see {@link
   * #measures(List)}; {@link #measureRow} makes its rows); {@code warnings} become the issues
   * table.
   */
  public static Report of(Comparison c, Table measures, Codebook codebook,
      List<Diagnostic> warnings, RunInfo run) {
    if (!measures.key().equals(Columns.MEASURES.key())) {
      throw new IllegalArgumentException("not a measures table: " + measures.key());
    }
    List<Table> tables = new ArrayList<>();
    tables.add(Columns.MUNICIPALITIES.with(records(c.municipalities())));
    tables.add(measures);
    tables.add(Columns.DOMAINS.with(records(c.domains())));
    tables.add(Columns.TYPOLOGY.with(records(c.typology())));
    tables.add(Columns.TIMELINE.with(records(c.timeline())));
    tables.add(Columns.AGREEMENT.with(records(c.agreement())));
    tables.add(Columns.ISSUES.with(lazy(warnings, d -> Arrays.asList(d.file(),
        (long) d.line(), (long) d.column(), d.severity().label(), d.code().id(), d.message()))));
    List<Map.Entry<String, String>> about = new ArrayList<>();
    about.add(entry("command line", run.commandLine()));
    about.add(entry("files", Integer.toString(run.files())));
    about.add(entry("municipalities", Integer.toString(c.municipalities().size())));
    about.add(entry("measures", Long.toString(c.measures())));
    about.add(entry("inputs sha256", run.inputsSha256()));
    about.add(entry("codebook", codebook.name()));
    return new Report(run.toolVersion(), run.options(), about, tables,
        Columns.CODEBOOK.with(codebookRows(codebook)));
  }

  private static Map.Entry<String, String> entry(String k, String v) {
    return new AbstractMap.SimpleImmutableEntry<>(k, v);
  }

  /** The measures table of these classified measures, rows made as they are read. */
  public static Table measures(List<ClassifiedMeasure> measures) {
    return Columns.MEASURES.with(lazy(measures, ComparisonReport::measureRow));
  }

  /** One measure as a row of the measures table. */
  public static List<Object> measureRow(ClassifiedMeasure cm) {
    Municipality mun = cm.municipality();
    Measure m = cm.measure();
    Classification c = cm.classification();
    Coding coding = m.coding();
    List<String> sources = new ArrayList<>();
    for (Funding f : m.funding()) {
      sources.add(f.source());
    }
    String url = null;
    for (Source s : m.sources()) {
      if (s.url() != null) {
        url = s.url();
        break;
      }
    }
    return Arrays.asList(
        mun.id(),
        mun.name(),
        m.id(),
        m.title(),
        m.domain(),
        String.join("; ", m.target().groups()),
        m.instrument(),
        m.scale(),
        m.period().start() == null ? null : m.period().start().toString(),
        m.period().endText(),
        sources.isEmpty() ? null : String.join("; ", sources),
        m.statesAmount() ? m.budget().doubleValue() : null,
        m.status(),
        c.targeting().label(),
        c.duration().label(),
        c.quadrant().label(),
        c.durationScore(),
        c.confidence(),
        c.reasonsText(),
        coding == null || coding.targeting() == null ? null : coding.targeting().label(),
        coding == null || coding.duration() == null ? null : coding.duration().label(),
        c.codingAgrees(),
        url,
        mun.file(),
        (long) m.line(),
        m.extensions().isEmpty() ? null : m.extensions());
  }

  /** The rules and weights of the codebook, for the Codebook sheet. */
  static List<List<Object>> codebookRows(Codebook b) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList("codebook", b.name(), null, "the codebook used for this report"));
    rows.add(Arrays.asList(Rule.T3.id(), "mixed_eligibility", null,
        "measures open to migration-defined and generic groups -> " + b.mixedEligibility().label()));
    rows.add(Arrays.asList(Rule.T4.id(), "proxy_targeting", null,
        "generic measures aimed at migrants through a proxy -> " + b.proxyTargeting().label()));
    Codebook.Weights w = b.weights();
    rows.add(Arrays.asList(Rule.D1.id(), "declared structural", w.declaredStructural(), null));
    rows.add(Arrays.asList(Rule.D1.id(), "declared temporary", w.declaredTemporary(), null));
    rows.add(Arrays.asList(Rule.D2.id(), "end date", w.endDate(), null));
    rows.add(Arrays.asList(Rule.D2.id(), "open end", w.openEnd(), null));
    for (Codebook.WeightedTerm t : b.instruments()) {
      rows.add(Arrays.asList(Rule.D3.id() + " instrument", t.id(), t.weight(), t.description()));
    }
    for (Codebook.WeightedTerm t : b.fundingSources()) {
      rows.add(Arrays.asList(Rule.D4.id() + " funding source", t.id(), t.weight(), t.description()));
    }
    for (Codebook.Group g : b.groups()) {
      rows.add(Arrays.asList(g.migrationDefined() ? "group (migration-defined)" : "group (generic)",
          g.id(), null, g.description()));
    }
    for (Codebook.Term t : b.domains()) {
      rows.add(Arrays.asList("domain", t.id(), null, t.description()));
    }
    for (Codebook.Term t : b.contactPartners()) {
      rows.add(Arrays.asList("contact partner", t.id(), null, t.description()));
    }
    return rows;
  }

  /** Rows from records whose components are the table's columns, in order. */
  static Iterable<List<Object>> records(List<? extends Record> rows) {
    if (rows.isEmpty()) {
      return lazy(List.<Record>of(), r -> List.of());
    }
    // The accessors once per table, not per row: a timeline of millions of rows would spend
    // most of its time looking up the same record components again.
    Class<?> type = rows.get(0).getClass();
    RecordComponent[] cs = type.getRecordComponents();
    Method[] accessors = new Method[cs.length];
    for (int i = 0; i < cs.length; i++) {
      accessors[i] = cs[i].getAccessor();
    }
    return lazy(rows, r -> components(r, type, accessors));
  }

  private static List<Object> components(Record r, Class<?> type, Method[] accessors) {
    if (r.getClass() != type) {
      throw new IllegalArgumentException("rows of two types: " + type + " and " + r.getClass());
    }
    List<Object> row = new ArrayList<>(accessors.length);
    for (Method m : accessors) {
      try {
        row.add(m.invoke(r));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + m.getName() + " of " + r, e);
      }
    }
    return row;
  }

  /** A view that maps each element when iterated, so no table of cells is ever built. */
  static <T> Rows lazy(List<T> items, Function<T, List<Object>> toRow) {
    return new Rows() {
      @Override
      public long size() {
        return items.size();
      }

      @Override
      public Iterable<List<Object>> from(long offset) {
        int start = (int) Math.min(offset, items.size());
        return lazy(items.subList(start, items.size()), toRow);
      }

      @Override
      public Iterator<List<Object>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < items.size();
          }

          @Override
          public List<Object> next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            return toRow.apply(items.get(i++));
          }
        };
      }
    };
  }

  /** The options as the JSON header and About sheet show them, in a fixed order. */
  public static Map<String, Object> options(String asOf, String groupBy, String codebook,
      boolean preferCoded, String timestamp) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("as_of", asOf);
    o.put("group_by", groupBy);
    o.put("codebook", codebook);
    o.put("prefer_coded", preferCoded);
    if (timestamp != null) {
      o.put("generated", timestamp);
    }
    return o;
  }
}
