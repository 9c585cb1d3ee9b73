package org.polcomp.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.PartialDate;
import org.polcomp.model.Period;
import org.polcomp.model.Target;
import org.polcomp.model.Targeting;

/** Builds test measures as records, with only what a test cares about set. */
public final class MeasureBuilder {
  /** The default codebook, read once per call (tests must not share mutable state). */
  public static Codebook defaults() {
    return new CodebookLoader(Limits.DEFAULT).defaults();
  }

  /** The default codebook with other T3 and T4 settings. */
  public static Codebook withSettings(Targeting mixed, Targeting proxy) {
    Codebook d = defaults();
    return new Codebook(d.name(), d.domains(), d.groups(), d.instruments(), d.fundingSources(),
        d.contactPartners(), d.weights(), mixed, proxy);
  }

  private final String id;
  private String title = "A measure";
  private String domain = "work";
  private List<String> groups = List.of("youth");
  private boolean proxy;
  private String instrument;
  private PartialDate start;
  private PartialDate end;
  private boolean open;
  private String declared;
  private final List<Funding> funding = new ArrayList<>();
  private String status;
  private String successor;
  private List<String> contact = List.of();
  private List<Coding> codings = List.of();
  private String file = "t.yaml";
  private int line = 1;

  private MeasureBuilder(String id) {
    this.id = id;
  }

  public static MeasureBuilder measure(String id) {
    return new MeasureBuilder(id);
  }

  public MeasureBuilder title(String t) {
    title = t;
    return this;
  }

  public MeasureBuilder domain(String d) {
    domain = d;
    return this;
  }

  public MeasureBuilder groups(String... g) {
    groups = List.of(g);
    return this;
  }

  public MeasureBuilder groups(List<String> g) {
    groups = List.copyOf(g);
    return this;
  }

  public MeasureBuilder proxy(boolean p) {
    proxy = p;
    return this;
  }

  public MeasureBuilder instrument(String i) {
    instrument = i;
    return this;
  }

  public MeasureBuilder start(String s) {
    start = PartialDate.parse(s).orElseThrow();
    return this;
  }

  public MeasureBuilder end(String e) {
    end = PartialDate.parse(e).orElseThrow();
    open = false;
    return this;
  }

  public MeasureBuilder open() {
    open = true;
    end = null;
    return this;
  }

  public MeasureBuilder declared(String d) {
    declared = d;
    return this;
  }

  public MeasureBuilder fund(String source) {
    funding.add(new Funding(source, null, null));
    return this;
  }

  public MeasureBuilder fund(String source, double amount) {
    funding.add(new Funding(source, amount, null));
    return this;
  }

  public MeasureBuilder funding(List<Funding> f) {
    funding.clear();
    funding.addAll(f);
    return this;
  }

  public MeasureBuilder status(String s) {
    status = s;
    return this;
  }

  public MeasureBuilder successor(String s) {
    successor = s;
    return this;
  }

  public MeasureBuilder contact(String... with) {
    contact = List.of(with);
    return this;
  }

  public MeasureBuilder coded(Targeting t, Duration d) {
    codings = List.of(new Coding(t, d, "RD", null));
    return this;
  }

  /** Several codings, each {@code coder, targeting, duration} (an axis may be null). */
  public MeasureBuilder codings(Coding... all) {
    codings = List.of(all);
    return this;
  }

  public MeasureBuilder at(String f, int l) {
    file = f;
    line = l;
    return this;
  }

  public Measure build() {
    Period period = new Period(start, end, open);
    return new Measure(id, title, null, domain, new Target(groups, null, proxy), instrument, null,
        period, declared, funding, status, successor, contact, List.of(), codings, Map.of(),
        Locations.of(new SourceLocation(file, line, 5)));
  }
}
