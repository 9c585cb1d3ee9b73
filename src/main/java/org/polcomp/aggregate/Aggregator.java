package org.polcomp.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.polcomp.classify.Agreement;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Classifier;
import org.polcomp.model.Codebook;
import org.polcomp.model.Dataset;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Period;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;

/**
 * Builds the comparison tables (OUTPUTS.md) from a dataset and its classifications, following
 * CODEBOOK.md "A municipality"; the choices the spec leaves open are listed in the package
 * documentation. Deterministic: the same dataset and options give equal rows in the same order.
 */
public final class Aggregator {
  /** The typology group of municipalities without a value for the group-by key. */
  public static final String NO_GROUP = "(none)";

  /** The group of the typology row of the whole dataset. */
  public static final String ALL = "all";

  private static final String EARLIER_MIGRANTS = "earlier-migrants";

  private final Codebook codebook;
  private final Classifier classifier;

  public Aggregator(Codebook codebook) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    this.classifier = new Classifier(codebook);
  }

  /** Every measure of the dataset with its classification, in dataset order. */
  public List<ClassifiedMeasure> classify(Dataset dataset) {
    List<ClassifiedMeasure> out = new ArrayList<>();
    for (Municipality mun : dataset.municipalities()) {
      for (Measure m : mun.measures()) {
        out.add(new ClassifiedMeasure(mun, m, classifier.classify(m)));
      }
    }
    return out;
  }

  /** Classifies the dataset and compares its municipalities. */
  public Comparison aggregate(Dataset dataset, AggregateOptions options) {
    return aggregate(dataset, classify(dataset), options);
  }

  /**
   * Compares the municipalities of {@code dataset}, given the classifications of its measures (as
   * {@link #classify} makes them; matched to their municipality by file and document).
   */
  public Comparison aggregate(
      Dataset dataset, List<ClassifiedMeasure> classified, AggregateOptions options) {
    Map<String, List<ClassifiedMeasure>> byMunicipality = new HashMap<>();
    for (ClassifiedMeasure cm : classified) {
      byMunicipality.computeIfAbsent(key(cm.municipality()), k -> new ArrayList<>()).add(cm);
    }
    List<Municipality> sorted = new ArrayList<>(dataset.municipalities());
    sorted.sort(Comparator.comparing(Municipality::id));

    // Measures by file path, then document, then place in the file (OUTPUTS.md): the dataset's
    // own order when it was read from sorted paths, and a stable sort keeps the place in the file.
    List<Municipality> byFile = new ArrayList<>(dataset.municipalities());
    byFile.sort(Comparator.comparing(Municipality::file).thenComparingInt(Municipality::document));
    List<ClassifiedMeasure> active = new ArrayList<>();
    for (Municipality mun : byFile) {
      for (ClassifiedMeasure cm : byMunicipality.getOrDefault(key(mun), List.of())) {
        if (isActive(cm.measure(), options.asOf())) {
          active.add(cm);
        }
      }
    }

    List<MunicipalityRow> rows = new ArrayList<>();
    List<DomainRow> domains = new ArrayList<>();
    for (Municipality mun : sorted) {
      List<ClassifiedMeasure> all = byMunicipality.getOrDefault(key(mun), List.of());
      rows.add(municipalityRow(mun, all, options));
      domains.addAll(domainRows(mun, all, options));
    }
    return new Comparison(options, rows, active, domains, typology(rows, options),
        timeline(sorted, byMunicipality, options), agreement(active));
  }

  private static String key(Municipality m) {
    return m.file() + '\u0000' + m.document();
  }

  private static boolean isActive(Measure m, LocalDate asOf) {
    return asOf == null || m.period().activeOn(asOf);
  }

  private MunicipalityRow municipalityRow(
      Municipality mun, List<ClassifiedMeasure> all, AggregateOptions options) {
    boolean coded = options.preferCoded();
    Map<String, ClassifiedMeasure> byId = new HashMap<>();
    for (ClassifiedMeasure cm : all) {
      byId.putIfAbsent(cm.measure().id(), cm);
    }
    Tally t = new Tally();
    long contact = 0;
    long earlier = 0;
    long experiments = 0;
    long upscaled = 0;
    for (ClassifiedMeasure cm : all) {
      Measure m = cm.measure();
      if (!isActive(m, options.asOf())) {
        continue;
      }
      t.add(cm.targeting(coded), cm.duration(coded), Tally.budget(m));
      if (!m.contactWith().isEmpty()) {
        contact++;
        if (m.contactWith().contains(EARLIER_MIGRANTS)) {
          earlier++;
        }
      }
      if ("pilot".equals(m.instrument()) || "living-lab".equals(m.instrument())) {
        experiments++;
        ClassifiedMeasure next = m.successor() == null ? null : byId.get(m.successor());
        if ("upscaled".equals(m.status())
            || next != null && next.duration(coded) == Duration.STRUCTURAL) {
          upscaled++;
        }
      }
    }
    return new MunicipalityRow(mun.id(), mun.name(), mun.country(), mun.region(), mun.type(),
        mun.population(), mun.asOf() == null ? null : mun.asOf().toString(),
        t.measures, t.mainstreamed, t.targetGroup, t.unclassifiedTargeting,
        t.structural, t.temporary, t.unclassifiedDuration,
        t.quadrant(Quadrant.MAINSTREAMED_STRUCTURAL), t.quadrant(Quadrant.MAINSTREAMED_TEMPORARY),
        t.quadrant(Quadrant.TARGET_GROUP_STRUCTURAL), t.quadrant(Quadrant.TARGET_GROUP_TEMPORARY),
        t.mainstreamingShare(), t.structuralShare(), t.budget.doubleValue(),
        t.mainstreamingShareBudget(), t.structuralShareBudget(), t.profile(),
        contact, earlier, experiments, upscaled, mun.file());
  }

  /** One row per domain with active measures, in the codebook's domain order. */
  private List<DomainRow> domainRows(
      Municipality mun, List<ClassifiedMeasure> all, AggregateOptions options) {
    boolean coded = options.preferCoded();
    Map<String, Tally> byDomain = new HashMap<>();
    for (ClassifiedMeasure cm : all) {
      if (isActive(cm.measure(), options.asOf())) {
        String domain = cm.measure().domain() == null ? "" : cm.measure().domain();
        byDomain.computeIfAbsent(domain, k -> new Tally())
            .add(cm.targeting(coded), cm.duration(coded), BigDecimal.ZERO);
      }
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < codebook.domains().size(); i++) {
      order.put(codebook.domains().get(i).id(), i);
    }
    // Domains the codebook does not know (invalid data) follow, alphabetically.
    List<String> domains = new ArrayList<>(byDomain.keySet());
    domains.sort(Comparator.<String>comparingInt(d -> order.getOrDefault(d, Integer.MAX_VALUE))
        .thenComparing(Function.identity()));
    List<DomainRow> rows = new ArrayList<>();
    for (String d : domains) {
      Tally t = byDomain.get(d);
      rows.add(new DomainRow(mun.id(), mun.name(), d, t.measures, t.mainstreamed, t.targetGroup,
          t.structural, t.temporary, t.mainstreamingShare(), t.structuralShare()));
    }
    return rows;
  }

  private static List<TypologyRow> typology(List<MunicipalityRow> rows, AggregateOptions options) {
    List<TypologyRow> out = new ArrayList<>();
    out.add(typologyRow(null, ALL, rows));
    String by = options.groupBy();
    if (by == null) {
      return out;
    }
    TreeMap<String, List<MunicipalityRow>> groups = new TreeMap<>();
    List<MunicipalityRow> none = new ArrayList<>();
    for (MunicipalityRow r : rows) {
      String value = switch (by) {
        case "type" -> r.type();
        case "region" -> r.region();
        case "country" -> r.country();
        case "profile" -> r.profile();
        default -> throw new IllegalStateException("group-by " + by);
      };
      if (value == null) {
        none.add(r);
      } else {
        groups.computeIfAbsent(value, k -> new ArrayList<>()).add(r);
      }
    }
    groups.forEach((value, members) -> out.add(typologyRow(by, value, members)));
    if (!none.isEmpty()) {
      out.add(typologyRow(by, NO_GROUP, none));
    }
    return out;
  }

  /** The typology of a group of municipalities, summed from their rows. */
  private static TypologyRow typologyRow(String by, String group, List<MunicipalityRow> rows) {
    long measures = 0;
    long ms = 0;
    long mt = 0;
    long ts = 0;
    long tt = 0;
    long mainstreamed = 0;
    long targetGroup = 0;
    long structural = 0;
    long temporary = 0;
    for (MunicipalityRow r : rows) {
      measures += r.measures();
      ms += r.mainstreamedStructural();
      mt += r.mainstreamedTemporary();
      ts += r.targetGroupStructural();
      tt += r.targetGroupTemporary();
      mainstreamed += r.mainstreamed();
      targetGroup += r.targetGroup();
      structural += r.structural();
      temporary += r.temporary();
    }
    long unclassified = measures - ms - mt - ts - tt;
    return new TypologyRow(by, group, (long) rows.size(), measures, ms, mt, ts, tt, unclassified,
        Tally.share(mainstreamed, targetGroup), Tally.share(structural, temporary));
  }

  /** Calendar years, the same span for every municipality; see the package documentation. */
  private static List<TimelineRow> timeline(List<Municipality> sorted,
      Map<String, List<ClassifiedMeasure>> byMunicipality, AggregateOptions options) {
    Integer first = null;
    Integer firstEnd = null;
    Integer last = null;
    for (List<ClassifiedMeasure> list : byMunicipality.values()) {
      for (ClassifiedMeasure cm : list) {
        Period p = cm.measure().period();
        if (p.start() != null) {
          first = min(first, p.start().year());
          last = max(last, p.start().year());
        }
        if (p.end() != null) {
          firstEnd = min(firstEnd, p.end().year());
          last = max(last, p.end().year());
        }
      }
    }
    if (first == null) {
      first = firstEnd;
    }
    if (options.asOf() != null) {
      last = options.asOf().getYear();
    }
    List<TimelineRow> rows = new ArrayList<>();
    if (first == null || last < first) {
      return rows;
    }
    int span = last - first + 1;
    boolean coded = options.preferCoded();
    for (Municipality mun : sorted) {
      // Per year: active, mainstreamed, target-group, structural, temporary, as difference arrays.
      long[][] delta = new long[5][span + 1];
      for (ClassifiedMeasure cm : byMunicipality.getOrDefault(key(mun), List.of())) {
        Period p = cm.measure().period();
        int from = p.start() == null ? first : Math.max(first, p.start().year());
        int to = p.end() == null ? last : Math.min(last, p.end().year());
        if (from > to) {
          continue;
        }
        Targeting t = cm.targeting(coded);
        Duration d = cm.duration(coded);
        boolean[] counts = {true, t == Targeting.MAINSTREAMED, t == Targeting.TARGET_GROUP,
            d == Duration.STRUCTURAL, d == Duration.TEMPORARY};
        for (int k = 0; k < counts.length; k++) {
          if (counts[k]) {
            delta[k][from - first]++;
            delta[k][to - first + 1]--;
          }
        }
      }
      long[] running = new long[5];
      for (int i = 0; i < span; i++) {
        for (int k = 0; k < 5; k++) {
          running[k] += delta[k][i];
        }
        rows.add(new TimelineRow(mun.id(), mun.name(), (long) first + i, running[0], running[1],
            running[2], running[3], running[4]));
      }
    }
    return rows;
  }

  private static Integer min(Integer a, int b) {
    return a == null ? b : Math.min(a, b);
  }

  private static Integer max(Integer a, int b) {
    return a == null ? b : Math.max(a, b);
  }

  private static List<AgreementRow> agreement(List<ClassifiedMeasure> measures) {
    List<Measure> ms = new ArrayList<>(measures.size());
    List<Classification> cs = new ArrayList<>(measures.size());
    for (ClassifiedMeasure cm : measures) {
      ms.add(cm.measure());
      cs.add(cm.classification());
    }
    List<AgreementRow> rows = new ArrayList<>();
    for (Agreement a : Agreement.of(ms, cs)) {
      rows.add(new AgreementRow(a.axis(), a.coded(), a.agreements(), a.observed(), a.kappa()));
    }
    return rows;
  }
}
