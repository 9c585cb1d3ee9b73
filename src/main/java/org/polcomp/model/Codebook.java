package org.polcomp.model;

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
    Targeting proxyTargeting) {

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
