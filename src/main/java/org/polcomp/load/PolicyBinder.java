package org.polcomp.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.YNode.YMap;
import org.polcomp.load.YNode.YScalar;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.PartialDate;
import org.polcomp.model.Period;
import org.polcomp.model.Source;
import org.polcomp.model.Target;
import org.polcomp.model.Targeting;
import org.polcomp.model.Vocabulary;

/**
 * Binds one document's tree to a {@link Municipality}: the shape of FORMAT.md (keys, types,
 * required keys, dates). Whether values are in the codebook and refer to each other is the
 * validator's question. A municipality or measure without an id is reported and left out; one
 * missing another required key is reported and kept (with null values) so that the rest of it is
 * still checked.
 */
public final class PolicyBinder {
  static final List<String> DOCUMENT_KEYS = List.of("format", "municipality", "policies");
  static final List<String> MUNICIPALITY_KEYS =
      List.of("id", "name", "country", "region", "population", "type", "as_of");
  static final List<String> MEASURE_KEYS =
      List.of("id", "title", "description", "domain", "target", "instrument", "scale", "period",
          "declared_duration", "funding", "status", "successor", "contact", "sources", "coding");
  static final List<String> TARGET_KEYS = List.of("groups", "eligibility", "proxy");
  static final List<String> PERIOD_KEYS = List.of("start", "end");
  static final List<String> FUNDING_KEYS = List.of("source", "amount_eur", "note");
  static final List<String> CONTACT_KEYS = List.of("with");
  static final List<String> SOURCE_KEYS = List.of("title", "url", "date", "page");
  static final List<String> CODING_KEYS = List.of("targeting", "duration", "coder", "note");
  /** The format's lists of keys, one per kind of map ({@link KeyIndex} indexes each once). */
  static final List<List<String>> KEY_LISTS = List.of(DOCUMENT_KEYS, MUNICIPALITY_KEYS,
      MEASURE_KEYS, TARGET_KEYS, PERIOD_KEYS, FUNDING_KEYS, CONTACT_KEYS, SOURCE_KEYS, CODING_KEYS);
  /** Every key of the format, each once (the scanner's {@link KeyTable}). */
  static final List<String> ALL_KEYS =
      KEY_LISTS.stream().flatMap(List::stream).distinct().toList();

  private final Consumer<Diagnostic> out;

  public PolicyBinder(Consumer<Diagnostic> out) {
    this(out, new Canonical());
  }

  /**
   * A binder that shares one instance of each vocabulary-like value (domain, groups, status...)
   * through {@code canonical}: a dataset of millions of measures repeats a few dozen words.
   */
  PolicyBinder(Consumer<Diagnostic> out, Canonical canonical) {
    this.out = out;
    this.canonical = canonical;
  }

  private final Canonical canonical;

  /** One instance per distinct short value, up to a bound; thread-safe, one per loader. */
  static final class Canonical {
    /** Values longer than this are free text, not vocabulary. */
    private static final int MAX_LENGTH = 40;
    /** Distinct values kept at most, so that hostile input cannot grow the table without end. */
    private static final int MAX_SIZE = 10_000;

    private final java.util.concurrent.ConcurrentHashMap<String, String> values =
        new java.util.concurrent.ConcurrentHashMap<>();

    String of(String s) {
      if (s == null || s.length() > MAX_LENGTH) {
        return s;
      }
      String c = values.get(s);
      if (c != null) {
        return c;
      }
      if (values.size() >= MAX_SIZE) {
        return s;
      }
      c = values.putIfAbsent(s, s);
      return c != null ? c : s;
    }

    List<String> of(List<String> list) {
      if (list == null) {
        return null;
      }
      List<String> out = new ArrayList<>(list.size());
      for (String s : list) {
        out.add(of(s));
      }
      return out;
    }
  }

  /** The municipality of one document, or null when it cannot be built (already reported). */
  public Municipality bind(String file, int document, YNode root) {
    if (!(root instanceof YMap doc)) {
      out.accept(Diagnostic.of(root.at(), Code.E008,
          "a document must be a map with 'municipality' and 'policies', not " + root.kind(),
          "start the document with 'municipality:'"));
      return null;
    }
    Map<String, SourceLocation> docWhere = new HashMap<>();
    Fields d = new Fields(doc, "", "the document", DOCUMENT_KEYS, out, docWhere);
    String format = d.string("format");
    if (format != null && !format.equals(Vocabulary.FORMAT)) {
      out.accept(Diagnostic.of(d.get("format").at(), Code.E020,
          "format '" + Diagnostic.clip(format) + "' is not supported",
          "write 'format: " + Vocabulary.FORMAT + "' or leave the key out"));
    }
    boolean hasMunicipality = d.require("municipality", "the document");
    boolean hasPolicies = d.require("policies", "the document");
    YMap mun = d.map("municipality");
    if (!hasMunicipality || mun == null) {
      return null;
    }
    Map<String, SourceLocation> where = new HashMap<>(64);
    Fields m = new Fields(mun, "", "municipality", MUNICIPALITY_KEYS, out, where);
    m.require("id", "municipality");
    m.require("name", "municipality");
    String id = m.string("id");
    String name = m.text("name", false);
    String country = canonical.of(m.string("country"));
    String region = canonical.of(m.text("region", false));
    Long population = m.integer("population");
    String type = canonical.of(m.string("type"));
    PartialDate asOf = m.date("as_of");
    where.put("policies", docWhere.getOrDefault("policies", doc.at()));
    where.put("policies#key", docWhere.getOrDefault("policies#key", doc.at()));
    List<Measure> measures = new ArrayList<>();
    List<YMap> items = hasPolicies ? d.maps("policies") : null;
    if (items != null && items.isEmpty()) {
      out.accept(Diagnostic.of(docWhere.getOrDefault("policies", doc.at()), Code.W002,
          "municipality '" + Diagnostic.clip(String.valueOf(id)) + "' lists no measures",
          "add measures under 'policies:'"));
    }
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) != null) {
          Measure measure = measure(items.get(i), i);
          if (measure != null) {
            measures.add(measure);
          }
        }
      }
    }
    if (id == null) {
      return null;
    }
    Map<String, Object> ext = new java.util.LinkedHashMap<>(d.extensions());
    ext.putAll(m.extensions());
    SourceLocation base = where.getOrDefault("id", mun.at());
    return new Municipality(id, name, country, region, population, type, asOf, measures, ext,
        file, document, Locations.adopt(base, where));
  }

  private Measure measure(YMap node, int index) {
    Map<String, SourceLocation> where = new HashMap<>(64);
    // Messages name the measure by its id when it has one, also for keys read before the id;
    // the name is made only for a message.
    String written = null;
    for (YNode.Entry e : node.entries()) {
      if (e.key().equals("id") && e.value() instanceof YScalar s && !s.isNull()) {
        written = s.text();
      }
    }
    String id = written;
    Supplier<String> what = id != null ? () -> "measure '" + Diagnostic.clip(id) + "'"
        : () -> "measure #" + (index + 1);
    Fields f = new Fields(node, "", what, MEASURE_KEYS, out, where);
    String idText = f.string("id");
    f.require("id");
    f.require("title");
    f.require("domain");
    f.require("target");
    String title = f.text("title", false);
    String description = f.text("description", true);
    String domain = canonical.of(f.string("domain"));
    Target target = target(f.map("target"), where, what);
    String instrument = canonical.of(f.string("instrument"));
    String scale = canonical.of(f.string("scale"));
    Period period = period(f.map("period"), where, what);
    String declared = canonical.of(f.string("declared_duration"));
    List<Funding> funding = new ArrayList<>();
    List<YMap> fundingMaps = f.maps("funding");
    if (fundingMaps != null) {
      for (int i = 0; i < fundingMaps.size(); i++) {
        YMap fm = fundingMaps.get(i);
        if (fm == null) {
          continue;
        }
        Fields ff = new Fields(fm, indexed("funding", i), () -> "a funding entry of " + what.get(),
            FUNDING_KEYS, out, where);
        if (ff.require("source") && ff.string("source") != null) {
          funding.add(new Funding(canonical.of(ff.string("source")), ff.number("amount_eur"),
              ff.text("note", true)));
          if (funding.size() - 1 != i) {
            renumber(where, indexed("funding", i), indexed("funding", funding.size() - 1));
          }
        }
      }
    }
    String status = canonical.of(f.string("status"));
    String successor = f.string("successor");
    List<String> contactWith = List.of();
    YMap contact = f.map("contact");
    if (contact != null) {
      Fields cf = new Fields(contact, "contact", () -> "contact of " + what.get(), CONTACT_KEYS,
          out, where);
      List<String> with = canonical.of(cf.strings("with"));
      contactWith = with == null ? List.of() : with;
    }
    List<Source> sources = new ArrayList<>();
    List<YMap> sourceMaps = f.maps("sources");
    if (sourceMaps != null) {
      for (int i = 0; i < sourceMaps.size(); i++) {
        YMap sm = sourceMaps.get(i);
        if (sm == null) {
          continue;
        }
        String p = indexed("sources", sources.size());
        Fields sf = new Fields(sm, p, () -> "a source of " + what.get(), SOURCE_KEYS, out, where);
        if (sf.require("title") && sf.string("title") != null) {
          sources.add(new Source(sf.text("title", false), sf.string("url"), sf.date("date"),
              sf.text("page", false)));
        }
      }
    }
    List<Coding> codings = codings(f, where, what);
    if (idText == null) {
      return null;
    }
    // A measure missing other required values is kept, so that the rest of it is still checked
    // in this run; the missing keys are errors, so no later stage ever sees it.
    if (target == null) {
      target = new Target(List.of(), null, false);
    }
    SourceLocation base = where.getOrDefault("id", node.at());
    return new Measure(idText, title, description, domain, target, instrument, scale, period,
        declared, funding, status, successor, contactWith, sources, codings, f.extensions(),
        Locations.adopt(base, where));
  }

  // The paths of the first entries of a list ("funding[0]"), made once: nearly every list of a
  // measure is short. Immutable.
  private static final Map<String, String[]> INDEXED = Map.of(
      "funding", indexedPaths("funding"), "sources", indexedPaths("sources"));

  private static String[] indexedPaths(String key) {
    String[] paths = new String[16];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = key + "[" + i + "]";
    }
    return paths;
  }

  /** The path of entry {@code i} of the list {@code key}: {@code funding[2]}. */
  static String indexed(String key, int i) {
    String[] paths = INDEXED.get(key);
    return i < paths.length ? paths[i] : key + "[" + i + "]";
  }

  /** Funding entries that failed are skipped, so later indexes shift down; keep paths aligned. */
  private static void renumber(Map<String, SourceLocation> where, String from, String to) {
    if (from.equals(to)) {
      return;
    }
    for (String k : List.copyOf(where.keySet())) {
      if (k.startsWith(from + ".")) {
        where.put(to + k.substring(from.length()), where.remove(k));
      }
    }
  }

  private Target target(YMap node, Map<String, SourceLocation> where, Supplier<String> what) {
    if (node == null) {
      return null;
    }
    Fields f = new Fields(node, "target", () -> "the target of " + what.get(), TARGET_KEYS, out,
        where);
    boolean hasGroups = f.require("groups");
    List<String> groups = hasGroups ? canonical.of(f.strings("groups")) : null;
    Boolean proxy = f.bool("proxy");
    String eligibility = f.string("eligibility");
    if (groups == null) {
      return null;
    }
    if (groups.isEmpty()) {
      out.accept(Diagnostic.of(f.get("groups").at(), Code.E024,
          "'groups' of " + what.get() + " is empty", "name at least one group, e.g. [refugees]"));
    }
    return new Target(groups, eligibility, proxy != null && proxy);
  }

  private Period period(YMap node, Map<String, SourceLocation> where, Supplier<String> what) {
    if (node == null) {
      return Period.NONE;
    }
    Fields f = new Fields(node, "period", () -> "the period of " + what.get(), PERIOD_KEYS, out,
        where);
    PartialDate start = f.date("start");
    YNode endNode = f.get("end");
    if (endNode instanceof YScalar s && "open".equals(s.text())) {
      return new Period(start, null, true);
    }
    return new Period(start, f.date("end", true), false);
  }

  /**
   * The codings of a measure: none, the single map, or a list of maps (FORMAT.md), each of which
   * names its coder, no coder twice (E027).
   */
  private List<Coding> codings(Fields measure, Map<String, SourceLocation> where,
      Supplier<String> name) {
    YNode node = measure.get("coding");
    if (node == null) {
      return List.of();
    }
    String what = name.get(); // few measures are coded
    if (node instanceof YMap m) {
      return List.of(coding(m, "coding", "the coding of " + what, where, false));
    }
    if (!(node instanceof YNode.YSeq)) {
      measure.wrongType("coding", node, "a map, or a list of maps (one per coder)",
          "write 'coding:' and its keys under it, or a list of '- {coder: ..., ...}' entries");
      return List.of();
    }
    List<YMap> maps = measure.maps("coding");
    List<Coding> codings = new ArrayList<>();
    Map<String, SourceLocation> coders = new HashMap<>();
    for (int i = 0; i < maps.size(); i++) {
      YMap m = maps.get(i);
      if (m == null) {
        continue;
      }
      String p = "coding[" + i + "]";
      Coding c = coding(m, p, "coding " + (i + 1) + " of " + what, where, true);
      if (c.coder() == null) {
        continue;
      }
      SourceLocation at = where.getOrDefault(p + ".coder", m.at());
      SourceLocation first = coders.putIfAbsent(c.coder(), at);
      if (first != null) {
        out.accept(Diagnostic.of(at, Code.E027,
            "coder '" + Diagnostic.clip(c.coder()) + "' codes " + what + " twice (first at line "
                + first.line() + ")",
            "merge the two codings, or name the other coder"));
        continue;
      }
      codings.add(c);
    }
    return codings;
  }

  private Coding coding(YMap node, String path, String name, Map<String, SourceLocation> where,
      boolean coderRequired) {
    Fields f = new Fields(node, path, name, CODING_KEYS, out, where);
    if (coderRequired) {
      f.require("coder", name + " (a list of codings names each coder)");
    }
    Targeting t = label(f, "targeting", Vocabulary.TARGETING_CODES, Targeting::of);
    Duration d = label(f, "duration", Vocabulary.DURATION_CODES, Duration::of);
    return new Coding(t, d, f.text("coder", false), f.text("note", true));
  }

  private <T> T label(Fields f, String key, List<String> allowed,
      java.util.function.Function<String, java.util.Optional<T>> parse) {
    String v = f.string(key);
    if (v == null) {
      return null;
    }
    if (allowed.contains(v)) {
      return parse.apply(v).orElseThrow();
    }
    String hint = Suggest.didYouMean(v, allowed);
    out.accept(Diagnostic.of(f.get(key).at(), Code.E011,
        "unknown value '" + Diagnostic.clip(v) + "' for 'coding." + key + "'",
        hint != null ? hint : "use one of: " + String.join(", ", allowed)));
    return null;
  }
}
