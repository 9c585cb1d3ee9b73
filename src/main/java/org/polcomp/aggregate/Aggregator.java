package org.polcomp.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.polcomp.classify.Agreement;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Classifier;
import org.polcomp.classify.Reliability;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Dataset;
import org.polcomp.model.Duration;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.PartialDate;
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

  private final Classifier classifier;
  // the codebook's domains by position: the order of each municipality's domain rows
  private final Map<String, Integer> domainOrder;

  public Aggregator(Codebook codebook) {
    Objects.requireNonNull(codebook, "codebook");
    this.classifier = new Classifier(codebook);
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < codebook.domains().size(); i++) {
      order.put(codebook.domains().get(i).id(), i);
    }
    this.domainOrder = Map.copyOf(order);
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
    Map<String, List<ClassifiedMeasure>> byMunicipality = byMunicipality(classified);
    Map<String, Part> parts = new HashMap<>();
    for (Municipality mun : dataset.municipalities()) {
      parts.put(key(mun), part(mun, byMunicipality.getOrDefault(key(mun), List.of()), options));
    }
    return combine(dataset.municipalities(), mun -> parts.get(key(mun)), options);
  }

  /**
   * The active measures of a dataset in the order of the measures table (OUTPUTS.md): by file
   * path, then document, then place in the file.
   */
  public static List<ClassifiedMeasure> active(
      Dataset dataset, List<ClassifiedMeasure> classified, LocalDate asOf) {
    Map<String, List<ClassifiedMeasure>> byMunicipality = byMunicipality(classified);
    // the dataset's own order when it was read from sorted paths; a stable sort keeps the place
    // in the file
    List<Municipality> byFile = new ArrayList<>(dataset.municipalities());
    byFile.sort(FILE_ORDER);
    List<ClassifiedMeasure> active = new ArrayList<>();
    for (Municipality mun : byFile) {
      for (ClassifiedMeasure cm : byMunicipality.getOrDefault(key(mun), List.of())) {
        if (isActive(cm.measure(), asOf)) {
          active.add(cm);
        }
      }
    }
    return active;
  }

  /** The order of the measures table: file path, then document. */
  public static final Comparator<Municipality> FILE_ORDER =
      Comparator.comparing(Municipality::file).thenComparingInt(Municipality::document);

  /**
   * What one municipality adds to a comparison: its summary row, domain rows, the periods and
   * labels its timeline rows are made of, its panel counts, its experiments and its agreement
   * counts. Made from the municipality's measures alone, so parts can be made in parallel while a
   * dataset streams past and then combined; a part holds no measure. Parts of municipalities that
   * count for the same one ({@code --boundaries}) merge: their tallies add up.
   */
  public static final class Part {
    private final Who who;
    private final Tally tally;
    private final long[] extra;
    private final Map<String, Tally> domainTallies;
    // per measure: (start year + 1) << 40 | (end year + 1) << 8 | label flags; 0 for no year
    private final long[] periods;
    // measures per pattern of codes (Reliability): null for a municipality nobody coded
    private final Reliability.Counts targeting;
    private final Reliability.Counts duration;
    private final List<DisagreementRow> disagreements;
    private final boolean severalCoders;
    private final long active;
    // per panel year: measures, mainstreamed, target-group, structural, temporary
    private final long[] panel;
    // per panel year: the budget of the measures that state an amount, or null when none does
    private final BigDecimal[] panelBudget;
    private final List<ExperimentRow> experiments;
    private final MunicipalityRow row;
    private final List<DomainRow> domains;

    private Part(Who who, Tally tally, long[] extra, Map<String, Tally> domainTallies,
        long[] periods, Reliability.Counts targeting, Reliability.Counts duration,
        List<DisagreementRow> disagreements, boolean severalCoders, long active, long[] panel,
        BigDecimal[] panelBudget, List<ExperimentRow> experiments, Map<String, Integer> order,
        boolean mergeable) {
      this.who = who;
      this.tally = tally;
      this.extra = extra;
      // The domain tallies are needed again only to merge municipalities (--boundaries); the
      // domain rows are made from them here. Kept for every municipality they were a third of
      // compare's heap at 100,000 municipalities.
      this.domainTallies = mergeable ? domainTallies : null;
      this.periods = periods;
      this.targeting = targeting;
      this.duration = duration;
      this.disagreements = List.copyOf(disagreements);
      this.severalCoders = severalCoders;
      this.active = active;
      this.panel = panel;
      this.panelBudget = panelBudget;
      this.experiments = List.copyOf(experiments);
      this.row = municipalityRow(who, tally, extra);
      this.domains = domainRows(who, domainTallies, order);
    }

    /** The measures of the municipality that the comparison counts (active on the as-of day). */
    public long active() {
      return active;
    }
  }

  // What the summary row says of the municipality itself, apart from its measures.
  private record Who(String id, String name, String country, String region, String type,
      Long population, String asOf, String file) {
    static Who of(Municipality mun) {
      return new Who(mun.id(), mun.name(), mun.country(), mun.region(), mun.type(),
          mun.population(), mun.asOf() == null ? null : mun.asOf().toString(), mun.file());
    }
  }

  /** The coder of a single coding that names none, as the agreement table shows it. */
  public static final String UNNAMED_CODER = "(unnamed)";

  private static final int MAINSTREAMED_FLAG = 1;
  private static final int TARGET_GROUP_FLAG = 2;
  private static final int STRUCTURAL_FLAG = 4;
  private static final int TEMPORARY_FLAG = 8;
  // the counts of a panel year, and of a timeline row: measures, then one per flag
  private static final int[] FLAGS =
      {0, MAINSTREAMED_FLAG, TARGET_GROUP_FLAG, STRUCTURAL_FLAG, TEMPORARY_FLAG};
  // Part.extra: contact measures, contact with earlier migrants, experiments, upscaled
  private static final int EXTRA = 4;

  /** A municipality's part that can still be merged with others ({@code --boundaries}). */
  public Part part(Municipality mun, List<ClassifiedMeasure> all, AggregateOptions options) {
    return part(mun, all, options, true);
  }

  /** The part of one municipality, given all its measures (active or not) with their labels. */
  public Part part(Municipality mun, List<ClassifiedMeasure> all, AggregateOptions options,
      boolean mergeable) {
    boolean coded = options.preferCoded();
    long[] periods = new long[all.size()];
    Reliability.Counts targeting = null;
    Reliability.Counts duration = null;
    List<DisagreementRow> disagreements = new ArrayList<>();
    boolean several = false;
    long active = 0;
    YearRange years = options.years();
    long[] panel = years == null ? new long[0] : new long[years.span() * FLAGS.length];
    BigDecimal[] panelBudget = new BigDecimal[years == null ? 0 : years.span()];
    for (int i = 0; i < all.size(); i++) {
      ClassifiedMeasure cm = all.get(i);
      Period p = cm.measure().period();
      Targeting t = cm.targeting(coded);
      Duration d = cm.duration(coded);
      int flags = (t == Targeting.MAINSTREAMED ? MAINSTREAMED_FLAG : 0)
          | (t == Targeting.TARGET_GROUP ? TARGET_GROUP_FLAG : 0)
          | (d == Duration.STRUCTURAL ? STRUCTURAL_FLAG : 0)
          | (d == Duration.TEMPORARY ? TEMPORARY_FLAG : 0);
      periods[i] = pack(p, flags);
      if (years != null) {
        addToPanel(periods[i], cm.measure(), years, panel, panelBudget);
      }
      if (isActive(cm.measure(), options.asOf())) {
        active++;
        List<Coding> codings = cm.measure().codings();
        if (!codings.isEmpty()) {
          several |= codings.size() > 1;
          Classification k = cm.classification();
          targeting = count(targeting, mun, cm.measure(), Agreement.TARGETING,
              k.targeting().label(), codings, disagreements);
          duration = count(duration, mun, cm.measure(), Agreement.DURATION,
              k.duration().label(), codings, disagreements);
        }
      }
    }
    Tally tally = new Tally();
    long[] extra = new long[EXTRA];
    List<ExperimentRow> experiments = new ArrayList<>();
    summarise(mun, all, options, tally, extra, experiments);
    return new Part(Who.of(mun), tally, extra, domainTallies(all, options), periods, targeting,
        duration, disagreements, several, active, panel, panelBudget, experiments, domainOrder,
        mergeable || options.boundaries() != null);
  }

  // The years of the range that a measure's period overlaps (the timeline's rule, with the
  // range's ends for a missing start or end) get its counts and, when it states one, its budget.
  private static void addToPanel(long packed, Measure m, YearRange years, long[] panel,
      BigDecimal[] budget) {
    int start = startYear(packed);
    int end = endYear(packed);
    int from = start < 0 ? years.from() : Math.max(years.from(), start);
    int to = end < 0 ? years.to() : Math.min(years.to(), end);
    BigDecimal amount = m.statesAmount() ? m.budget() : null;
    for (int y = from; y <= to; y++) {
      int at = (y - years.from()) * FLAGS.length;
      for (int k = 0; k < FLAGS.length; k++) {
        if (k == 0 || (packed & FLAGS[k]) != 0) {
          panel[at + k]++;
        }
      }
      if (amount != null) {
        int i = y - years.from();
        budget[i] = budget[i] == null ? amount : budget[i].add(amount);
      }
    }
  }

  /**
   * Counts one measure's codes on an axis, and queues it for reconciliation when the codes
   * disagree with each other or with the rules; returns the counts (made on the first code).
   */
  private static Reliability.Counts count(Reliability.Counts counts, Municipality mun,
      Measure m, String axis, String rule, List<Coding> codings, List<DisagreementRow> queue) {
    List<String> coders = new ArrayList<>(codings.size());
    List<String> codes = new ArrayList<>(codings.size());
    List<String> shown = new ArrayList<>(codings.size());
    boolean disagree = false;
    for (Coding c : codings) {
      Object v = axis.equals(Agreement.TARGETING) ? c.targeting() : c.duration();
      if (v == null) {
        continue;
      }
      String code = v instanceof Targeting t ? t.label() : ((Duration) v).label();
      String coder = c.coder() == null ? UNNAMED_CODER : c.coder();
      disagree |= !code.equals(rule) || !codes.isEmpty() && !code.equals(codes.get(0));
      coders.add(coder);
      codes.add(code);
      shown.add(coder + "=" + code);
    }
    if (codes.isEmpty()) {
      return counts;
    }
    Reliability.Counts out = counts == null ? new Reliability.Counts() : counts;
    out.add(rule, coders, codes);
    if (disagree) {
      queue.add(new DisagreementRow(mun.id(), m.id(), m.title(), axis, rule,
          String.join("; ", shown), Majority.of(codes)));
    }
    return out;
  }

  /**
   * Combines the parts of a dataset's municipalities ({@code municipalities} in dataset order,
   * each with its part) into the comparison.
   */
  public Comparison combine(List<Municipality> municipalities, Function<Municipality, Part> parts,
      AggregateOptions options) {
    List<Part> inDatasetOrder = new ArrayList<>(municipalities.size());
    for (Municipality mun : municipalities) {
      inDatasetOrder.add(Objects.requireNonNull(parts.apply(mun), "no part for a municipality"));
    }
    return combine(inDatasetOrder, options);
  }

  /** Combines the parts of a dataset's municipalities, in dataset order, into the comparison. */
  public Comparison combine(List<Part> parts, AggregateOptions options) {
    List<Part> written = new ArrayList<>(parts);
    written.sort(Comparator.comparing(part -> part.row.municipalityId()));
    List<ExperimentRow> experiments = new ArrayList<>();
    for (Part part : written) {
      experiments.addAll(part.experiments);
    }
    List<LineageRow> lineage = null;
    List<Part> inOrder = written;
    if (options.boundaries() != null) {
      lineage = new ArrayList<>();
      inOrder = onBoundaries(written, options, lineage);
    }
    List<MunicipalityRow> rows = new ArrayList<>();
    List<DomainRow> domains = new ArrayList<>();
    Reliability.Counts targeting = new Reliability.Counts();
    Reliability.Counts duration = new Reliability.Counts();
    List<DisagreementRow> disagreements = new ArrayList<>();
    boolean several = false;
    long measures = 0;
    for (Part part : inOrder) {
      rows.add(part.row);
      domains.addAll(part.domains);
      if (part.targeting != null) {
        targeting.addAll(part.targeting);
      }
      if (part.duration != null) {
        duration.addAll(part.duration);
      }
      disagreements.addAll(part.disagreements);
      several |= part.severalCoders;
      measures += part.active;
    }
    List<Reliability.Result> results = List.of(targeting.result(Agreement.TARGETING),
        duration.result(Agreement.DURATION));
    List<AgreementRow> agreement = new ArrayList<>();
    List<CoderAgreementRow> coders = new ArrayList<>();
    for (Reliability.Result r : results) {
      Agreement a = r.majority();
      agreement.add(new AgreementRow(a.axis(), a.coded(), a.agreements(), a.observed(),
          a.kappa()));
      coders.add(new CoderAgreementRow(a.axis(), a.coded(), a.agreements(), a.observed(),
          a.kappa(), (long) r.coders().size(), r.units(), r.alpha(), r.fleiss(), null));
    }
    for (Reliability.Result r : results) {
      for (Reliability.Pair p : r.pairs()) {
        Agreement a = p.agreement();
        coders.add(new CoderAgreementRow(a.axis(), a.coded(), a.agreements(), a.observed(),
            a.kappa(), null, null, null, null, p.name()));
      }
    }
    List<PanelRow> panel = options.years() == null ? null : new PanelRows(inOrder, options.years());
    // one coding per measure keeps the table of one coder against the rules (and no queue)
    return new Comparison(options, rows, measures, domains, typology(rows, options),
        timeline(inOrder, options), agreement, panel, experiments, lineage,
        several ? coders : List.of(), several ? disagreements : List.of());
  }

  /**
   * The parts (by id) regrouped onto the boundaries in force on the options' day: the parts of
   * the municipalities that count for the same one merge into one under its id, in id order; the
   * lineage rows say which municipality counts for which.
   */
  private List<Part> onBoundaries(List<Part> byId, AggregateOptions options,
      List<LineageRow> lineage) {
    LocalDate day = options.boundaries();
    Lineage table = options.lineage();
    Map<String, Part> own = new HashMap<>();
    for (Part part : byId) {
      own.putIfAbsent(part.who.id(), part);
    }
    TreeMap<String, List<Part>> groups = new TreeMap<>();
    for (Part part : byId) {
      String id = part.who.id();
      String counted = table.countedAs(id, day);
      List<LineageEntry> path = table.path(id, day);
      String since = path.isEmpty() ? null
          : path.get(path.size() - 1).endedOn().map(LocalDate::toString).orElse(null);
      lineage.add(new LineageRow(id, part.who.name(), counted, nameOf(counted, own, table),
          since));
      groups.computeIfAbsent(counted, k -> new ArrayList<>()).add(part);
    }
    List<Part> out = new ArrayList<>();
    groups.forEach((counted, members) -> {
      if (members.size() == 1 && members.get(0).who.id().equals(counted)) {
        out.add(members.get(0));
      } else {
        out.add(merge(counted, nameOf(counted, own, table), own.get(counted), members));
      }
    });
    return out;
  }

  // The name a code counts under: the data's own name for it, else the lineage table's.
  private static String nameOf(String code, Map<String, Part> own, Lineage table) {
    Part part = own.get(code);
    if (part != null) {
      return part.who.name();
    }
    return table.entry(code).map(LineageEntry::name).orElse(code);
  }

  /**
   * One part of several municipalities counted as {@code id}: what the data says of {@code id}
   * itself when it has it, else the first member's region, type and file under the new id and
   * name (with no population: the merged municipality's is not in the data).
   */
  private Part merge(String id, String name, Part self, List<Part> members) {
    Who head = self != null ? self.who : members.get(0).who;
    Who who = self != null ? head
        : new Who(id, name, head.country(), head.region(), head.type(), null, head.asOf(),
            head.file());
    Tally tally = new Tally();
    long[] extra = new long[EXTRA];
    Map<String, Tally> domainTallies = new HashMap<>();
    int measures = 0;
    for (Part m : members) {
      measures += m.periods.length;
    }
    long[] periods = new long[measures];
    // the members' codes count for the merged one; their queues follow one another in id order
    Reliability.Counts targeting = null;
    Reliability.Counts duration = null;
    List<DisagreementRow> disagreements = new ArrayList<>();
    boolean several = false;
    Part first = members.get(0);
    long[] panel = new long[first.panel.length];
    BigDecimal[] panelBudget = new BigDecimal[first.panelBudget.length];
    long active = 0;
    int at = 0;
    for (Part m : members) {
      tally.addAll(m.tally);
      add(extra, m.extra);
      m.domainTallies.forEach((d, t) -> domainTallies.computeIfAbsent(d, k -> new Tally())
          .addAll(t));
      System.arraycopy(m.periods, 0, periods, at, m.periods.length);
      at += m.periods.length;
      targeting = addAll(targeting, m.targeting);
      duration = addAll(duration, m.duration);
      disagreements.addAll(m.disagreements);
      several |= m.severalCoders;
      add(panel, m.panel);
      for (int i = 0; i < panelBudget.length; i++) {
        BigDecimal b = m.panelBudget[i];
        if (b != null) {
          panelBudget[i] = panelBudget[i] == null ? b : panelBudget[i].add(b);
        }
      }
      active += m.active;
    }
    return new Part(who, tally, extra, domainTallies, periods, targeting, duration,
        disagreements, several, active, panel, panelBudget, List.of(), domainOrder, true);
  }

  // Adds a member's counts to the merged ones, made on the first member that has any (the
  // member's own counts are left as they are).
  private static Reliability.Counts addAll(Reliability.Counts into, Reliability.Counts counts) {
    if (counts == null) {
      return into;
    }
    Reliability.Counts out = into == null ? new Reliability.Counts() : into;
    out.addAll(counts);
    return out;
  }

  private static void add(long[] into, long[] values) {
    for (int i = 0; i < into.length; i++) {
      into[i] += values[i];
    }
  }

  // The classified measures of each municipality (by file and document), in the given order.
  private static Map<String, List<ClassifiedMeasure>> byMunicipality(
      List<ClassifiedMeasure> classified) {
    Map<String, List<ClassifiedMeasure>> out = new HashMap<>();
    for (ClassifiedMeasure cm : classified) {
      out.computeIfAbsent(key(cm.municipality()), k -> new ArrayList<>()).add(cm);
    }
    return out;
  }

  private static String key(Municipality m) {
    return m.file() + '\u0000' + m.document();
  }

  private static boolean isActive(Measure m, LocalDate asOf) {
    return asOf == null || m.period().activeOn(asOf);
  }

  // The summary tally of the active measures, the contact and experiment counts (Part.extra)
  // and the experiments table's rows.
  private static void summarise(Municipality mun, List<ClassifiedMeasure> all,
      AggregateOptions options, Tally t, long[] extra, List<ExperimentRow> experiments) {
    boolean coded = options.preferCoded();
    Map<String, ClassifiedMeasure> byId = new HashMap<>();
    for (ClassifiedMeasure cm : all) {
      byId.putIfAbsent(cm.measure().id(), cm);
    }
    for (ClassifiedMeasure cm : all) {
      Measure m = cm.measure();
      if (!isActive(m, options.asOf())) {
        continue;
      }
      t.add(cm.targeting(coded), cm.duration(coded), m.budget());
      t.statesAmount |= m.statesAmount();
      if (!m.contactWith().isEmpty()) {
        extra[0]++;
        if (m.contactWith().contains(EARLIER_MIGRANTS)) {
          extra[1]++;
        }
      }
      if (isExperiment(m)) {
        extra[2]++;
        ExperimentRow row = experiment(mun, cm, byId, coded);
        if (row.upscaled()) {
          extra[3]++;
        }
        experiments.add(row);
      }
    }
  }

  private static boolean isExperiment(Measure m) {
    return "pilot".equals(m.instrument()) || "living-lab".equals(m.instrument());
  }

  /**
   * The experiments row of a pilot or living lab: its chain of successors (followed through the
   * municipality's measures until a measure without successor, an id the municipality does not
   * have, or an id already in the chain), the measure the chain ends at, and the years from the
   * experiment's start to the start of the chain's first structural measure.
   */
  private static ExperimentRow experiment(Municipality mun, ClassifiedMeasure cm,
      Map<String, ClassifiedMeasure> byId, boolean coded) {
    Measure m = cm.measure();
    ClassifiedMeasure direct = m.successor() == null ? null : byId.get(m.successor());
    boolean upscaled = "upscaled".equals(m.status())
        || direct != null && direct.duration(coded) == Duration.STRUCTURAL;
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(m.id());
    ClassifiedMeasure last = cm;
    boolean structuralSeen = false;
    Long years = null;
    for (String next = m.successor(); next != null && seen.add(next); ) {
      chain.add(next);
      last = byId.get(next);
      if (last == null) {
        break;
      }
      if (!structuralSeen && last.duration(coded) == Duration.STRUCTURAL) {
        structuralSeen = true;
        PartialDate from = m.period().start();
        PartialDate to = last.measure().period().start();
        years = from == null || to == null ? null : (long) (to.year() - from.year());
      }
      next = last.measure().successor();
    }
    String finalId = chain.isEmpty() ? m.id() : chain.get(chain.size() - 1);
    return new ExperimentRow(mun.id(), mun.name(), m.id(), m.title(),
        m.period().start() == null ? null : m.period().start().toString(), m.period().endText(),
        m.status(), chain.isEmpty() ? null : String.join("; ", chain), finalId,
        last == null ? null : last.duration(coded).label(), upscaled, years);
  }

  private static MunicipalityRow municipalityRow(Who who, Tally t, long[] extra) {
    return new MunicipalityRow(who.id(), who.name(), who.country(), who.region(), who.type(),
        who.population(), who.asOf(),
        t.measures, t.mainstreamed, t.targetGroup, t.unclassifiedTargeting,
        t.structural, t.temporary, t.unclassifiedDuration,
        t.quadrant(Quadrant.MAINSTREAMED_STRUCTURAL), t.quadrant(Quadrant.MAINSTREAMED_TEMPORARY),
        t.quadrant(Quadrant.TARGET_GROUP_STRUCTURAL), t.quadrant(Quadrant.TARGET_GROUP_TEMPORARY),
        t.mainstreamingShare(), t.structuralShare(), t.budgetCell(),
        t.mainstreamingShareBudget(), t.structuralShareBudget(), t.profile(),
        extra[0], extra[1], extra[2], extra[3], who.file());
  }

  /** The tallies of the active measures per domain ("" for none). */
  private static Map<String, Tally> domainTallies(
      List<ClassifiedMeasure> all, AggregateOptions options) {
    boolean coded = options.preferCoded();
    Map<String, Tally> byDomain = new HashMap<>();
    for (ClassifiedMeasure cm : all) {
      if (isActive(cm.measure(), options.asOf())) {
        String domain = cm.measure().domain() == null ? "" : cm.measure().domain();
        byDomain.computeIfAbsent(domain, k -> new Tally())
            .add(cm.targeting(coded), cm.duration(coded), BigDecimal.ZERO);
      }
    }
    return byDomain;
  }

  /** One row per domain with active measures, in the codebook's domain order. */
  private static List<DomainRow> domainRows(
      Who who, Map<String, Tally> byDomain, Map<String, Integer> order) {
    // Domains the codebook does not know (invalid data) follow, alphabetically.
    List<String> domains = new ArrayList<>(byDomain.keySet());
    domains.sort(Comparator.<String>comparingInt(d -> order.getOrDefault(d, Integer.MAX_VALUE))
        .thenComparing(Function.identity()));
    List<DomainRow> rows = new ArrayList<>();
    for (String d : domains) {
      Tally t = byDomain.get(d);
      rows.add(new DomainRow(who.id(), who.name(), d, t.measures, t.mainstreamed, t.targetGroup,
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

  // A measure's period and labels packed in a long (see Part.periods): years, or -1 for none.
  private static long pack(Period p, int flags) {
    long start = p.start() == null ? 0 : p.start().year() + 1L;
    long end = p.end() == null ? 0 : p.end().year() + 1L;
    return start << 40 | end << 8 | flags;
  }

  private static int startYear(long packed) {
    return (int) (packed >>> 40) - 1;
  }

  private static int endYear(long packed) {
    return (int) ((packed >>> 8) & 0xFFFFFFFFL) - 1;
  }

  /** Calendar years, the same span for every municipality; see the package documentation. */
  private static List<TimelineRow> timeline(List<Part> parts, AggregateOptions options) {
    Integer first = null;
    Integer firstEnd = null;
    Integer last = null;
    for (Part part : parts) {
      for (long packed : part.periods) {
        int start = startYear(packed);
        int end = endYear(packed);
        if (start >= 0) {
          first = min(first, start);
          last = max(last, start);
        }
        if (end >= 0) {
          firstEnd = min(firstEnd, end);
          last = max(last, end);
        }
      }
    }
    if (first == null) {
      first = firstEnd;
    }
    if (options.asOf() != null) {
      last = options.asOf().getYear();
    }
    if (first == null || last < first) {
      return List.of();
    }
    return new TimelineRows(parts, first, last - first + 1);
  }

  /**
   * The timeline table as a view: each row is counted from its municipality's periods when it is
   * read, so that the largest table of a comparison (municipalities times years) never sits in
   * memory. Immutable, as the parts are.
   */
  static final class TimelineRows extends AbstractList<TimelineRow> implements RandomAccess {
    private final List<Part> parts;
    private final int first;
    private final int span;
    private final int size;

    TimelineRows(List<Part> parts, int first, int span) {
      this.parts = List.copyOf(parts);
      this.first = first;
      this.span = span;
      this.size = Math.toIntExact((long) parts.size() * span);
    }

    @Override
    public int size() {
      return size;
    }

    /** Row i: municipality i / span (by id), year first + i % span. */
    @Override
    public TimelineRow get(int i) {
      Objects.checkIndex(i, size);
      Part part = parts.get(i / span);
      int year = first + i % span;
      int last = first + span - 1;
      // active, mainstreamed, target-group, structural, temporary in that year
      long[] counts = new long[FLAGS.length];
      for (long packed : part.periods) {
        int start = startYear(packed);
        int end = endYear(packed);
        int from = start < 0 ? first : Math.max(first, start);
        int to = end < 0 ? last : Math.min(last, end);
        if (from <= year && year <= to) {
          for (int k = 0; k < FLAGS.length; k++) {
            if (k == 0 || (packed & FLAGS[k]) != 0) {
              counts[k]++;
            }
          }
        }
      }
      MunicipalityRow mun = part.row;
      return new TimelineRow(mun.municipalityId(), mun.municipality(), (long) year, counts[0],
          counts[1], counts[2], counts[3], counts[4]);
    }
  }

  /**
   * The panel table as a view, as the timeline: each row is made from its municipality's counts
   * per year of the range when it is read.
   */
  static final class PanelRows extends AbstractList<PanelRow> implements RandomAccess {
    private final List<Part> parts;
    private final YearRange years;
    private final int span;
    private final int size;

    PanelRows(List<Part> parts, YearRange years) {
      this.parts = List.copyOf(parts);
      this.years = years;
      this.span = years.span();
      this.size = Math.toIntExact((long) parts.size() * span);
    }

    @Override
    public int size() {
      return size;
    }

    /** Row i: municipality i / span (by id), year from + i % span. */
    @Override
    public PanelRow get(int i) {
      Objects.checkIndex(i, size);
      Part part = parts.get(i / span);
      int k = i % span;
      int at = k * FLAGS.length;
      long[] c = part.panel;
      Tally t = new Tally();
      t.measures = c[at];
      t.mainstreamed = c[at + 1];
      t.targetGroup = c[at + 2];
      t.structural = c[at + 3];
      t.temporary = c[at + 4];
      BigDecimal budget = part.panelBudget[k];
      MunicipalityRow mun = part.row;
      return new PanelRow(mun.municipalityId(), mun.municipality(), (long) years.from() + k,
          t.measures, t.mainstreamed, t.targetGroup, t.structural, t.temporary,
          t.mainstreamingShare(), t.structuralShare(),
          budget == null ? null : budget.doubleValue(), t.profile());
    }
  }

  private static Integer min(Integer a, int b) {
    return a == null ? b : Math.min(a, b);
  }

  private static Integer max(Integer a, int b) {
    return a == null ? b : Math.max(a, b);
  }
}
