package org.polcomp.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy measure of a municipality, as written in its file. Optional values are null (lists
 * are empty); vocabulary values are codebook ids, checked by validation, not here.
 *
 * @param codings the human codings of the measure, in file order: none, one (the single-map
 *     form of {@code coding}) or several (the list form, one per coder)
 * @param extensions the {@code x-} fields of the measure, in file order, as plain values
 * @param locations where each value stands; the base is the measure's {@code id}
 */
public record Measure(
    String id,
    String title,
    String description,
    String domain,
    Target target,
    String instrument,
    String scale,
    Period period,
    String declaredDuration,
    List<Funding> funding,
    String status,
    String successor,
    List<String> contactWith,
    List<Source> sources,
    List<Coding> codings,
    Map<String, Object> extensions,
    Locations locations) {

  public Measure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    period = period == null ? Period.NONE : period;
    funding = List.copyOf(funding);
    contactWith = List.copyOf(contactWith);
    sources = List.copyOf(sources);
    codings = List.copyOf(codings);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    Objects.requireNonNull(locations, "locations");
  }

  /** The line of the measure's {@code id}, as reported in the measures table. */
  public int line() {
    return locations.base().line();
  }

  /** A copy that keeps only its own location, to save memory once validation is done. */
  public Measure withoutDetail() {
    return new Measure(id, title, description, domain, target, instrument, scale, period,
        declaredDuration, funding, status, successor, contactWith, sources, codings, extensions,
        Locations.of(locations.base()));
  }

  /**
   * The budget of the measure (CODEBOOK.md "A municipality"): the sum of its {@code amount_eur}
   * values, 0 when it has none. Exact, so that no sum of budgets depends on the order of the
   * entries or measures; amounts that are not finite numbers (invalid data) are left out. Every
   * budget in the reports is this sum, made a double once, at the end.
   */
  public BigDecimal budget() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Funding f : funding) {
      Double a = f.amountEur();
      if (a != null && Double.isFinite(a)) {
        sum = sum.add(BigDecimal.valueOf(a));
      }
    }
    return sum;
  }

  /** Whether a funding entry states an amount (the measure's budget is then shown, even if 0). */
  public boolean statesAmount() {
    for (Funding f : funding) {
      if (f.amountEur() != null) {
        return true;
      }
    }
    return false;
  }
}
