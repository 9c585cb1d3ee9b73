package org.polcomp.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classification rules as data (CODEBOOK.md): the vocabularies that validation checks against,
 * the weights of the duration evidence, and the targeting settings. Lists keep the codebook's
 * order, which is the order reports list them in.
 *
 * @param name a short name recorded in reports ({@code default}, or the user file's name)
 * @param mixedEligibility the label of T3 (mainstreamed, target-group or unclassified)
 * @param proxyTargeting the label of T4 (mainstreamed or target-group)
 * @param sensitivity the ranges {@code polcomp sensitivity} draws weights from, by weight id (see
 *     {@link #weightIds()}), where the codebook sets its own
 */
public record Codebook(
    String name,
    List<Term> domains,
    List<Group> groups,
    List<WeightedTerm> instruments,
    List<WeightedTerm> fundingSources,
    List<Term> contactPartners,
    Weights weights,
    Targeting mixedEligibility,
    Targeting proxyTargeting,
    Map<String, Range> sensitivity) {

  public Codebook {
    Objects.requireNonNull(name, "name");
    domains = List.copyOf(domains);
    groups = List.copyOf(groups);
    instruments = List.copyOf(instruments);
    fundingSources = List.copyOf(fundingSources);
    contactPartners = List.copyOf(contactPartners);
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(mixedEligibility, "mixedEligibility");
    Objects.requireNonNull(proxyTargeting, "proxyTargeting");
    if (proxyTargeting == Targeting.UNCLASSIFIED) {
      throw new IllegalArgumentException("proxy_targeting must be mainstreamed or target-group");
    }
    Objects.requireNonNull(sensitivity, "sensitivity");
    // in weight order, so that equal codebooks list their ranges alike
    List<String> ids = weightIds(instruments, fundingSources);
    Map<String, Range> ranges = new LinkedHashMap<>();
    for (String id : ids) {
      Range r = sensitivity.get(id);
      if (r != null) {
        ranges.put(id, r);
      }
    }
    if (ranges.size() != sensitivity.size()) {
      throw new IllegalArgumentException("sensitivity names unknown weights: " + sensitivity.keySet());
    }
    sensitivity = Collections.unmodifiableMap(ranges);
  }

  /** A codebook without sensitivity ranges of its own. */
  public Codebook(String name, List<Term> domains, List<Group> groups,
      List<WeightedTerm> instruments, List<WeightedTerm> fundingSources,
      List<Term> contactPartners, Weights weights, Targeting mixedEligibility,
      Targeting proxyTargeting) {
    this(name, domains, groups, instruments, fundingSources, contactPartners, weights,
        mixedEligibility, proxyTargeting, Map.of());
  }

  /** The range a weight is drawn from in {@code polcomp sensitivity}: low to high, both included. */
  public record Range(double low, double high) {
    public Range {
      if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
        throw new IllegalArgumentException("not a range: " + low + ".." + high);
      }
    }
  }

  /** A vocabulary value and what it means. */
  public record Term(String id, String description) {
    public Term {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A target group; migration-defined groups make a measure target-group (T2). */
  public record Group(String id, boolean migrationDefined, String description) {
    public Group {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A vocabulary value with its duration weight (instruments) or lean (funding sources). */
  public record WeightedTerm(String id, double weight, String description) {
    public WeightedTerm {
      Objects.requireNonNull(id, "id");
      if (!Double.isFinite(weight)) {
        throw new IllegalArgumentException("weight must be finite: " + id);
      }
    }
  }

  /** The weights of D1 (declared duration) and D2 (end date or open end). */
  public record Weights(
      double declaredStructural, double declaredTemporary, double endDate, double openEnd) {}

  /** The weight id of D1 for a measure declared structural. */
  public static final String D1_STRUCTURAL = "D1.structural";
  /** The weight id of D1 for a measure declared temporary. */
  public static final String D1_TEMPORARY = "D1.temporary";
  /** The weight id of D2 for an end date. */
  public static final String D2_DATE = "D2.date";
  /** The weight id of D2 for an open end. */
  public static final String D2_OPEN = "D2.open";
  /** The prefix of an instrument's weight id ({@code D3.pilot}). */
  public static final String D3_PREFIX = "D3.";
  /** The prefix of a funding source's weight id ({@code D4.eu}). */
  public static final String D4_PREFIX = "D4.";

  /**
   * Every duration weight by a stable id, in this order: {@code D1.structural},
   * {@code D1.temporary}, {@code D2.date}, {@code D2.open}, then {@code D3.<instrument>} and
   * {@code D4.<funding source>} in the codebook's order. {@link #weightValues()} and {@link
   * #withWeights} use the same order.
   */
  public List<String> weightIds() {
    return weightIds(instruments, fundingSources);
  }

  private static List<String> weightIds(List<WeightedTerm> instruments,
      List<WeightedTerm> fundingSources) {
    List<String> ids = new ArrayList<>(4 + instruments.size() + fundingSources.size());
    ids.addAll(List.of(D1_STRUCTURAL, D1_TEMPORARY, D2_DATE, D2_OPEN));
    for (WeightedTerm t : instruments) {
      ids.add(D3_PREFIX + t.id());
    }
    for (WeightedTerm t : fundingSources) {
      ids.add(D4_PREFIX + t.id());
    }
    return ids;
  }

  /** The values of the weights, in the order of {@link #weightIds()}. */
  public double[] weightValues() {
    double[] v = new double[4 + instruments.size() + fundingSources.size()];
    v[0] = weights.declaredStructural();
    v[1] = weights.declaredTemporary();
    v[2] = weights.endDate();
    v[3] = weights.openEnd();
    int k = 4;
    for (WeightedTerm t : instruments) {
      v[k++] = t.weight();
    }
    for (WeightedTerm t : fundingSources) {
      v[k++] = t.weight();
    }
    return v;
  }

  /** This codebook with other weight values, in the order of {@link #weightIds()}. */
  public Codebook withWeights(double[] values) {
    if (values.length != 4 + instruments.size() + fundingSources.size()) {
      throw new IllegalArgumentException("expected " + weightIds().size() + " weights");
    }
    List<WeightedTerm> in = new ArrayList<>(instruments.size());
    int k = 4;
    for (WeightedTerm t : instruments) {
      in.add(new WeightedTerm(t.id(), values[k++], t.description()));
    }
    List<WeightedTerm> fs = new ArrayList<>(fundingSources.size());
    for (WeightedTerm t : fundingSources) {
      fs.add(new WeightedTerm(t.id(), values[k++], t.description()));
    }
    return new Codebook(name, domains, groups, in, fs, contactPartners,
        new Weights(values[0], values[1], values[2], values[3]), mixedEligibility,
        proxyTargeting, sensitivity);
  }

  /** The prefix of national-origin groups ({@code origin:SY}), migration-defined by definition. */
  public static final String ORIGIN_PREFIX = "origin:";

  /** The group with this id, including {@code origin:XX} for a valid ISO country code. */
  public Optional<Group> group(String id) {
    for (Group g : groups) {
      if (g.id().equals(id)) {
        return Optional.of(g);
      }
    }
    if (id.startsWith(ORIGIN_PREFIX) && Countries.isAlpha2(id.substring(ORIGIN_PREFIX.length()))) {
      return Optional.of(new Group(id, true, "national origin"));
    }
    return Optional.empty();
  }

  /** The instrument with this id. */
  public Optional<WeightedTerm> instrument(String id) {
    return find(instruments, id);
  }

  /** The funding source with this id. */
  public Optional<WeightedTerm> fundingSource(String id) {
    return find(fundingSources, id);
  }

  public boolean hasDomain(String id) {
    return domains.stream().anyMatch(t -> t.id().equals(id));
  }

  public boolean hasContactPartner(String id) {
    return contactPartners.stream().anyMatch(t -> t.id().equals(id));
  }

  /** The ids of a vocabulary by its name in the codebook file, for hints and the schema. */
  public Map<String, List<String>> vocabularies() {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("domains", domains.stream().map(Term::id).toList());
    v.put("groups", groups.stream().map(Group::id).toList());
    v.put("instruments", instruments.stream().map(WeightedTerm::id).toList());
    v.put("funding_sources", fundingSources.stream().map(WeightedTerm::id).toList());
    v.put("contact_partners", contactPartners.stream().map(Term::id).toList());
    return v;
  }

  private static Optional<WeightedTerm> find(List<WeightedTerm> terms, String id) {
    for (WeightedTerm t : terms) {
      if (t.id().equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
