package org.polcomp.diff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.polcomp.aggregate.MunicipalityRow;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;
import org.polcomp.classify.Rule;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;

/** Compares two versions of a dataset (see the package documentation for the rules). */
public final class Differ {
  private final Lineage lineage;
  private final LocalDate asOf;

  /**
   * A differ that follows {@code lineage}: with {@code asOf}, the mergers that had happened by
   * then; without (null), every merger the table knows.
   */
  public Differ(Lineage lineage, LocalDate asOf) {
    this.lineage = Objects.requireNonNull(lineage, "lineage");
    this.asOf = asOf;
  }

  /** A change and where it sorts: municipality, then its own changes, then measures by id. */
  private record Placed(String municipalityId, int group, String measureId, Change change) {}

  private static final Comparator<Placed> ORDER = Comparator.comparing(Placed::municipalityId)
      .thenComparingInt(Placed::group).thenComparing(Placed::measureId);

  /** The differences from {@code old} to {@code neu}. */
  public DatasetDiff diff(DatasetVersion old, DatasetVersion neu) {
    List<Placed> out = new ArrayList<>();
    // Where each old municipality went: itself, the successor it merged into, or nowhere.
    Map<String, String> target = new TreeMap<>();
    Map<String, List<Municipality>> mergedInto = new TreeMap<>();
    for (Municipality m : old.municipalities().values()) {
      String to = successorIn(m.id(), neu);
      if (to == null) {
        municipality(out, m, Change.Kind.MUNICIPALITY_REMOVED, "name", m.name(), null);
        for (Measure measure : m.measures()) {
          measure(out, m.id(), m, measure, Change.Kind.MEASURE_REMOVED, measure.title(), null);
        }
        continue;
      }
      target.put(m.id(), to);
      if (!to.equals(m.id())) {
        mergedInto.computeIfAbsent(to, k -> new ArrayList<>()).add(m);
        Municipality successor = neu.municipalities().get(to);
        municipality(out, m, Change.Kind.MUNICIPALITY_MERGED, "counted_as",
            m.id() + " " + m.name(), successor.id() + " " + successor.name());
      }
    }
    for (Municipality n : neu.municipalities().values()) {
      Municipality same = old.municipalities().get(n.id());
      List<Municipality> merged = mergedInto.getOrDefault(n.id(), List.of());
      if (same == null && merged.isEmpty()) {
        municipality(out, n, Change.Kind.MUNICIPALITY_ADDED, "name", null, n.name());
        for (Measure measure : n.measures()) {
          measure(out, n.id(), n, measure, Change.Kind.MEASURE_ADDED, null, measure.title());
        }
        continue;
      }
      if (same != null) {
        fields(out, n, null, FieldPaths.of(same), FieldPaths.of(n), Change.Kind.MUNICIPALITY_FIELD);
        profile(out, n, old.rows().get(same.id()), neu.rows().get(n.id()));
      } else {
        for (Municipality m : merged) {
          profile(out, n, old.rows().get(m.id()), neu.rows().get(n.id()));
        }
      }
      measures(out, old, neu, same, merged, n);
    }
    out.sort(ORDER);
    return new DatasetDiff(out.stream().map(Placed::change).toList());
  }

  /**
   * The id under which the new version has the old municipality {@code id}: the same id, or the
   * first of its successors that the new version has; null when there is none.
   */
  private String successorIn(String id, DatasetVersion neu) {
    if (neu.municipalities().containsKey(id)) {
      return id;
    }
    for (LineageEntry step : lineage.path(id, asOf != null ? asOf : LocalDate.MAX)) {
      if (neu.municipalities().containsKey(step.successor())) {
        return step.successor();
      }
    }
    return null;
  }

  /** The measures of new municipality {@code n} against those of its old versions. */
  private void measures(List<Placed> out, DatasetVersion old, DatasetVersion neu,
      Municipality same, List<Municipality> merged, Municipality n) {
    // By measure id, the old municipality's own first, then those merged into it by code.
    Map<String, Municipality> ownerOf = new LinkedHashMap<>();
    Map<String, Measure> before = new LinkedHashMap<>();
    List<Municipality> olds = new ArrayList<>();
    if (same != null) {
      olds.add(same);
    }
    olds.addAll(merged);
    for (Municipality m : olds) {
      for (Measure measure : m.measures()) {
        if (before.putIfAbsent(measure.id(), measure) == null) {
          ownerOf.put(measure.id(), m);
        } else {
          // the same id twice among the merged: the later one has no counterpart
          measure(out, m.id(), m, measure, Change.Kind.MEASURE_REMOVED, measure.title(), null);
        }
      }
    }
    Map<String, Measure> after = new LinkedHashMap<>();
    for (Measure measure : n.measures()) {
      after.putIfAbsent(measure.id(), measure);
    }
    for (Map.Entry<String, Measure> e : before.entrySet()) {
      Municipality m = ownerOf.get(e.getKey());
      Measure was = e.getValue();
      Measure is = after.get(e.getKey());
      if (is == null) {
        measure(out, m.id(), m, was, Change.Kind.MEASURE_REMOVED, was.title(), null);
        continue;
      }
      fields(out, n, is.id(), FieldPaths.of(was), FieldPaths.of(is), Change.Kind.MEASURE_FIELD);
      classification(out, n, is.id(), old.classification(m, was), neu.classification(n, is));
    }
    for (Measure is : after.values()) {
      if (!before.containsKey(is.id())) {
        measure(out, n.id(), n, is, Change.Kind.MEASURE_ADDED, null, is.title());
      }
    }
  }

  private static void municipality(List<Placed> out, Municipality m, Change.Kind kind,
      String field, String was, String is) {
    out.add(new Placed(m.id(), 0, "",
        new Change(kind, m.id(), m.name(), null, field, was, is)));
  }

  private static void measure(List<Placed> out, String id, Municipality m, Measure measure,
      Change.Kind kind, String was, String is) {
    out.add(new Placed(id, 1, measure.id(),
        new Change(kind, id, m.name(), measure.id(), "title", was, is)));
  }

  private static void change(List<Placed> out, Municipality n, String measureId,
      Change.Kind kind, String field, String was, String is) {
    if (Objects.equals(was, is)) {
      return;
    }
    out.add(new Placed(n.id(), measureId == null ? 0 : 1, measureId == null ? "" : measureId,
        new Change(kind, n.id(), n.name(), measureId, field, was, is)));
  }

  /** Every path whose value differs, in the file's order. */
  private static void fields(List<Placed> out, Municipality n, String measureId,
      Map<String, FieldPaths.Field> was, Map<String, FieldPaths.Field> is, Change.Kind kind) {
    TreeSet<String> keys = new TreeSet<>(was.keySet());
    keys.addAll(is.keySet());
    for (String k : keys) {
      FieldPaths.Field a = was.get(k);
      FieldPaths.Field b = is.get(k);
      change(out, n, measureId, kind, (a != null ? a : b).path(), a == null ? null : a.value(),
          b == null ? null : b.value());
    }
  }

  /** The labels and score, then every rule whose contribution changed. */
  private static void classification(List<Placed> out, Municipality n, String measureId,
      Classification was, Classification is) {
    Change.Kind k = Change.Kind.CLASSIFICATION;
    change(out, n, measureId, k, "targeting", was.targeting().label(), is.targeting().label());
    change(out, n, measureId, k, "duration", was.duration().label(), is.duration().label());
    change(out, n, measureId, k, "quadrant", was.quadrant().label(), is.quadrant().label());
    change(out, n, measureId, k, "duration_score", Reason.format(was.durationScore()),
        Reason.format(is.durationScore()));
    Map<Rule, List<Reason>> before = byRule(was);
    Map<Rule, List<Reason>> after = byRule(is);
    for (Rule rule : Rule.values()) {
      List<Reason> a = before.get(rule);
      List<Reason> b = after.get(rule);
      boolean changed = a == null || b == null
          ? a != b
          : !Reason.format(sum(a)).equals(Reason.format(sum(b)));
      if (changed) {
        out.add(new Placed(n.id(), 1, measureId, new Change(Change.Kind.RULE, n.id(), n.name(),
            measureId, rule.id(), text(a), text(b))));
      }
    }
  }

  private static Map<Rule, List<Reason>> byRule(Classification c) {
    Map<Rule, List<Reason>> m = new EnumMap<>(Rule.class);
    for (Reason r : c.reasons()) {
      m.computeIfAbsent(r.rule(), x -> new ArrayList<>()).add(r);
    }
    return m;
  }

  private static double sum(List<Reason> reasons) {
    double s = 0;
    for (Reason r : reasons) {
      s += r.contribution();
    }
    return s;
  }

  private static String text(List<Reason> reasons) {
    if (reasons == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Reason r : reasons) {
      parts.add(r.toString());
    }
    return String.join("; ", parts);
  }

  /** The profile and the two shares of a municipality's rows in the two versions. */
  private static void profile(List<Placed> out, Municipality n, MunicipalityRow was,
      MunicipalityRow is) {
    if (was == null || is == null) {
      return;
    }
    Change.Kind k = Change.Kind.PROFILE;
    change(out, n, null, k, "profile", was.profile(), is.profile());
    change(out, n, null, k, "mainstreaming_share", share(was, MunicipalityRow::mainstreamingShare),
        share(is, MunicipalityRow::mainstreamingShare));
    change(out, n, null, k, "structural_share", share(was, MunicipalityRow::structuralShare),
        share(is, MunicipalityRow::structuralShare));
  }

  private static String share(MunicipalityRow r, Function<MunicipalityRow, Double> share) {
    Double d = share.apply(r);
    return d == null ? null : Reason.format(d);
  }
}
