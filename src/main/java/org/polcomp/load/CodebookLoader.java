package org.polcomp.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.YNode.YMap;
import org.polcomp.model.Codebook;
import org.polcomp.model.Codebook.Group;
import org.polcomp.model.Codebook.Range;
import org.polcomp.model.Codebook.Term;
import org.polcomp.model.Codebook.Weights;
import org.polcomp.model.Codebook.WeightedTerm;
import org.polcomp.model.Targeting;
import org.polcomp.model.Vocabulary;

/**
 * Reads codebooks: the default one shipped in the jar and users' files, which replace the default
 * or, with {@code extends: default}, change it entry by entry (see the default file's header).
 */
public final class CodebookLoader {
  /** The resource holding the default codebook. */
  public static final String DEFAULT_RESOURCE = "default-codebook.yaml";

  static final List<String> TOP_KEYS =
      List.of("codebook", "extends", "settings", "weights", "domains", "groups", "instruments",
          "funding_sources", "contact_partners", "sensitivity");
  static final List<String> SETTINGS_KEYS = List.of("mixed_eligibility", "proxy_targeting");
  static final List<String> WEIGHTS_KEYS = List.of("declared_duration", "end");
  static final List<String> DECLARED_KEYS = List.of("structural", "temporary");
  static final List<String> END_KEYS = List.of("date", "open");

  /** CODEBOOK.md "Weights": every weight lies in -1000..1000, so sums of them stay exact. */
  public static final double MAX_WEIGHT = 1000;

  private final Limits limits;

  public CodebookLoader(Limits limits) {
    this.limits = limits;
  }

  /** A codebook and the diagnostics of reading it; the codebook is null when it has errors. */
  public record Result(Codebook codebook, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }
  }

  /** The text of the default codebook, as {@code polcomp codebook} prints it. */
  public static String defaultText() {
    // From the class the build makes of the resource: reading the resource itself would open
    // the jar (see src/build/Embed.java).
    String text = Embedded.text(DEFAULT_RESOURCE);
    if (text == null) {
      throw new IllegalStateException("the default codebook is missing from the build");
    }
    return text;
  }

  /** The default codebook; a broken default is a build error, caught by the tests. */
  public Codebook defaults() {
    if (Default.BOOK.codebook() == null) {
      throw new IllegalStateException("the default codebook is invalid: "
          + Default.BOOK.diagnostics());
    }
    return Default.BOOK.codebook();
  }

  /**
   * The default codebook, read once in a process when first asked for: it is a constant of the
   * jar (and immutable), and every command that reads a dataset asks for it, some more than
   * once. Kept as read, diagnostics and all, so that a broken default fails every call alike.
   */
  private static final class Default {
    // The default codebook is ours, not user input: the user's limits do not apply to it.
    static final Result BOOK = new CodebookLoader(Limits.DEFAULT).parse("default-codebook.yaml",
        defaultText().getBytes(StandardCharsets.UTF_8), null);
  }

  /** Reads a user codebook file on top of {@code base} (used when it says extends: default). */
  public Result load(Path file, Codebook base) {
    String name = DatasetLoader.display(file);
    List<Diagnostic> diags = new ArrayList<>();
    // Read as a policy file is: a FIFO or /dev/zero must not hang or fill memory.
    DatasetLoader.Bytes read = DatasetLoader.readLimited(file, name, "codebook", limits, diags);
    if (read.bytes() == null) {
      return new Result(null, diags);
    }
    return parse(name, read.bytes(), base);
  }

  /** Parses codebook text; {@code base} is what {@code extends: default} builds on. */
  public Result parse(String name, byte[] bytes, Codebook base) {
    List<Diagnostic> diags = new ArrayList<>();
    Consumer<Diagnostic> out = diags::add;
    List<YamlReader.Document> docs = new YamlReader(limits).read(name, bytes, out);
    if (docs.size() != 1 || !(docs.get(0).root() instanceof YMap root)) {
      if (diags.stream().noneMatch(Diagnostic::isError)) {
        SourceLocation at = docs.isEmpty() ? new SourceLocation(name, 1, 1) : docs.get(0).at();
        out.accept(Diagnostic.of(at, Code.E008,
            "a codebook is one YAML document holding a map", "start from 'polcomp codebook'"));
      }
      return new Result(null, diags);
    }
    Codebook book = build(name, root, base, out);
    boolean failed = diags.stream().anyMatch(Diagnostic::isError);
    return new Result(failed ? null : book, diags);
  }

  private Codebook build(String name, YMap root, Codebook base, Consumer<Diagnostic> out) {
    Map<String, SourceLocation> where = new HashMap<>();
    Fields f = new Fields(root, "", "the codebook", TOP_KEYS, out, where);
    String ext = f.string("extends");
    boolean extend = false;
    if (ext != null && !ext.equals("none")) {
      if (ext.equals("default")) {
        extend = true;
      } else {
        out.accept(Diagnostic.of(f.get("extends").at(), Code.E011,
            "unknown value '" + Diagnostic.clip(ext) + "' for 'extends'",
            "write 'extends: default' to change the default codebook, or 'none' to replace it"));
      }
    }
    if (extend && base == null) {
      base = defaults();
    }
    Codebook from = extend ? base : null;
    String bookName = f.string("codebook");
    if (bookName == null) {
      bookName = name;
    }
    if (!extend) {
      for (String key : List.of("settings", "weights", "domains", "groups", "instruments",
          "funding_sources", "contact_partners")) {
        f.require(key, "a codebook that does not extend the default (add 'extends: default' "
            + "to change only some entries)");
      }
    }
    // Settings.
    Targeting mixed = from != null ? from.mixedEligibility() : Targeting.MAINSTREAMED;
    Targeting proxy = from != null ? from.proxyTargeting() : Targeting.MAINSTREAMED;
    YMap settings = f.map("settings");
    if (settings != null) {
      Fields s = new Fields(settings, "settings", "settings", SETTINGS_KEYS, out, where);
      mixed = targeting(s, "mixed_eligibility", List.of("mainstreamed", "target-group",
          "unclassified"), mixed, out);
      proxy = targeting(s, "proxy_targeting", List.of("mainstreamed", "target-group"), proxy, out);
    }
    // Weights.
    Weights w = from != null ? from.weights() : new Weights(3, -3, -2, 2);
    YMap weights = f.map("weights");
    if (weights != null) {
      Fields wf = new Fields(weights, "weights", "weights", WEIGHTS_KEYS, out, where);
      double ds = w.declaredStructural();
      double dt = w.declaredTemporary();
      double ed = w.endDate();
      double eo = w.openEnd();
      YMap dd = wf.map("declared_duration");
      if (dd != null) {
        Fields d = new Fields(dd, "weights.declared_duration", "declared_duration weights",
            DECLARED_KEYS, out, where);
        ds = finite(d, "structural", ds, out);
        dt = finite(d, "temporary", dt, out);
      }
      YMap end = wf.map("end");
      if (end != null) {
        Fields e = new Fields(end, "weights.end", "end weights", END_KEYS, out, where);
        ed = finite(e, "date", ed, out);
        eo = finite(e, "open", eo, out);
      }
      w = new Weights(ds, dt, ed, eo);
    }
    List<Term> domains = terms(f, "domains", from == null ? List.of() : from.domains(),
        Term::id, (m, id) -> new Term(id, m.string("description")), List.of("id", "description"),
        out);
    List<Group> groups = terms(f, "groups", from == null ? List.of() : from.groups(), Group::id,
        (m, id) -> {
          m.require("migration_defined", "group '" + id + "'");
          Boolean md = m.bool("migration_defined");
          return new Group(id, md != null && md, m.string("description"));
        }, List.of("id", "migration_defined", "description"), out);
    List<WeightedTerm> instruments = terms(f, "instruments",
        from == null ? List.of() : from.instruments(), WeightedTerm::id,
        (m, id) -> weighted(m, id, "weight", out), List.of("id", "weight", "description"), out);
    List<WeightedTerm> funding = terms(f, "funding_sources",
        from == null ? List.of() : from.fundingSources(), WeightedTerm::id,
        (m, id) -> weighted(m, id, "lean", out), List.of("id", "lean", "description"), out);
    List<Term> partners = terms(f, "contact_partners",
        from == null ? List.of() : from.contactPartners(), Term::id,
        (m, id) -> new Term(id, m.string("description")), List.of("id", "description"), out);
    Codebook book = new Codebook(bookName, domains, groups, instruments, funding, partners, w,
        mixed, proxy);
    Map<String, Range> ranges = new LinkedHashMap<>(from == null ? Map.of() : from.sensitivity());
    ranges.keySet().retainAll(book.weightIds());
    YMap sensitivity = f.map("sensitivity");
    if (sensitivity != null) {
      ranges.putAll(ranges(sensitivity, book, out));
    }
    return new Codebook(bookName, domains, groups, instruments, funding, partners, w, mixed,
        proxy, ranges);
  }

  /**
   * The {@code sensitivity} section: per weight id ({@code D2.date}, {@code D3.pilot}) a list of
   * two numbers, low and high. A rule id alone ({@code D2}) names the one weight of that rule whose
   * value lies in the range, as a reader of {@code D2: [-3, -1]} means the end date's -2.
   */
  private static Map<String, Range> ranges(YMap section, Codebook book,
      Consumer<Diagnostic> out) {
    List<String> ids = book.weightIds();
    double[] values = book.weightValues();
    Map<String, Range> ranges = new LinkedHashMap<>();
    for (YNode.Entry e : section.entries()) {
      String key = e.key();
      List<Integer> named = new ArrayList<>();
      boolean rule = key.matches("D[1-4]");
      for (int k = 0; k < ids.size(); k++) {
        if (ids.get(k).equals(key) || rule && ids.get(k).startsWith(key + ".")) {
          named.add(k);
        }
      }
      if (named.isEmpty()) {
        String hint = Suggest.didYouMean(key, ids);
        out.accept(Diagnostic.of(e.keyAt(), Code.E010,
            "'" + Diagnostic.clip(key) + "' is not a weight of the codebook",
            hint != null ? hint : "name a weight: D1.structural, D1.temporary, D2.date, D2.open,"
                + " D3.<instrument> or D4.<funding source>"));
        continue;
      }
      Range range = range(key, e.value(), out);
      if (range == null) {
        continue;
      }
      if (rule) {
        List<Integer> inside = new ArrayList<>();
        for (int k : named) {
          if (values[k] >= range.low() && values[k] <= range.high()) {
            inside.add(k);
          }
        }
        if (inside.size() != 1) {
          List<String> which = named.stream().map(ids::get).toList();
          out.accept(Diagnostic.of(e.keyAt(), Code.E025, "'" + key + "' has " + which.size()
              + " weights and the range holds " + (inside.isEmpty() ? "none" : inside.size())
              + " of their values", "name the weight: " + String.join(", ", which)));
          continue;
        }
        named = inside;
      }
      String id = ids.get(named.get(0));
      if (ranges.put(id, range) != null) {
        out.accept(Diagnostic.of(e.keyAt(), Code.E025, "'" + id + "' is given two ranges",
            "keep one of them"));
      }
    }
    return ranges;
  }

  /** {@code [low, high]}: two finite numbers from -1000 to 1000, low not above high. */
  private static Range range(String key, YNode value, Consumer<Diagnostic> out) {
    List<Double> ends = new ArrayList<>(2);
    if (value instanceof YNode.YSeq seq && seq.items().size() == 2) {
      for (YNode item : seq.items()) {
        if (item instanceof YNode.YScalar s
            && (s.type() == YNode.ScalarType.INT || s.type() == YNode.ScalarType.FLOAT)) {
          ends.add(Fields.parseNumber(s.text()));
        }
      }
    }
    if (ends.size() != 2 || ends.contains(null)) {
      out.accept(Diagnostic.of(value.at(), Code.E008, "'" + Diagnostic.clip(key)
          + "' must be a list of two numbers, not " + value.kind(), "write [low, high]"));
      return null;
    }
    double low = ends.get(0);
    double high = ends.get(1);
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      out.accept(Diagnostic.of(value.at(), Code.E021,
          "the range of '" + Diagnostic.clip(key) + "' must be finite numbers", null));
      return null;
    }
    if (Math.abs(low) > MAX_WEIGHT || Math.abs(high) > MAX_WEIGHT) {
      out.accept(Diagnostic.of(value.at(), Code.E025,
          "the range of '" + Diagnostic.clip(key) + "' goes beyond -1000..1000",
          "a weight is a number from -1000 to 1000"));
      return null;
    }
    if (low > high) {
      out.accept(Diagnostic.of(value.at(), Code.E025,
          "the range of '" + Diagnostic.clip(key) + "' starts above its end",
          "write [low, high], the lower number first"));
      return null;
    }
    return new Range(low, high);
  }

  private static Targeting targeting(Fields s, String key, List<String> allowed, Targeting dflt,
      Consumer<Diagnostic> out) {
    String v = s.string(key);
    if (v == null) {
      return dflt;
    }
    if (!allowed.contains(v)) {
      String hint = Suggest.didYouMean(v, allowed);
      out.accept(Diagnostic.of(s.get(key).at(), Code.E011,
          "unknown value '" + Diagnostic.clip(v) + "' for '" + key + "'",
          hint != null ? hint : "use one of: " + String.join(", ", allowed)));
      return dflt;
    }
    return Targeting.of(v).orElseThrow();
  }

  private static double finite(Fields f, String key, double dflt, Consumer<Diagnostic> out) {
    Double d = f.number(key);
    if (d == null) {
      return dflt;
    }
    if (!Double.isFinite(d)) {
      out.accept(Diagnostic.of(f.get(key).at(), Code.E021,
          "'" + f.sub(key) + "' must be a finite number",
          "write a weight from " + (int) -MAX_WEIGHT + " to " + (int) MAX_WEIGHT + ", e.g. 2"));
      return dflt;
    }
    if (Math.abs(d) > MAX_WEIGHT) {
      out.accept(Diagnostic.of(f.get(key).at(), Code.E025,
          "'" + f.sub(key) + "' is " + d + ", outside " + (int) -MAX_WEIGHT + ".."
              + (int) MAX_WEIGHT,
          "weights are small numbers that are added up (the default ones run from -3 to 3);"
              + " write one from " + (int) -MAX_WEIGHT + " to " + (int) MAX_WEIGHT));
      return dflt;
    }
    return d;
  }

  private static WeightedTerm weighted(Fields m, String id, String key, Consumer<Diagnostic> out) {
    m.require(key, "'" + id + "'");
    double w = finite(m, key, 0, out);
    return new WeightedTerm(id, w, m.string("description"));
  }

  /** A vocabulary section: replaces or extends {@code base} entry by entry. */
  private static <T> List<T> terms(Fields f, String key, List<T> base, Function<T, String> idOf,
      EntryBuilder<T> build, List<String> keys, Consumer<Diagnostic> out) {
    Map<String, T> result = new LinkedHashMap<>();
    for (T t : base) {
      result.put(idOf.apply(t), t);
    }
    List<YMap> maps = f.maps(key);
    if (maps == null) {
      return List.copyOf(result.values());
    }
    Set<String> seen = new HashSet<>();
    List<String> baseIds = base.stream().map(idOf).toList();
    for (int i = 0; i < maps.size(); i++) {
      YMap m = maps.get(i);
      if (m == null) {
        continue;
      }
      Fields ef = new Fields(m, key + "[" + i + "]", "an entry of '" + key + "'", keys, out,
          new HashMap<>());
      if (!ef.require("id", "an entry of '" + key + "'")) {
        continue;
      }
      String id = ef.string("id");
      if (id == null) {
        continue;
      }
      boolean originGroup = key.equals("groups") && id.startsWith(Codebook.ORIGIN_PREFIX);
      if (!Vocabulary.ID.matcher(id).matches() || originGroup) {
        out.accept(Diagnostic.of(ef.get("id").at(), Code.E012,
            "invalid id '" + Diagnostic.clip(id) + "' in '" + key + "'",
            originGroup ? "'origin:XX' groups are built in"
                : "use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit"));
        continue;
      }
      if (!seen.add(id)) {
        out.accept(Diagnostic.of(ef.get("id").at(), Code.E025,
            "'" + id + "' appears twice in '" + key + "'", "remove one of them"));
        continue;
      }
      if (!baseIds.isEmpty() && !baseIds.contains(id)) {
        // Extending: a new id next to an existing one is more often a typo than a new value.
        Suggest.closest(id, baseIds).ifPresent(near -> out.accept(Diagnostic.of(
            ef.get("id").at(), Code.W010,
            "'" + id + "' adds a new entry to '" + key + "', and the default has '" + near + "'",
            "did you mean '" + near + "'? To change the default entry, write its id exactly")));
      }
      result.put(id, build.make(ef, id));
    }
    if (result.isEmpty()) {
      out.accept(Diagnostic.of(f.get(key).at(), Code.E024, "'" + key + "' is empty",
          "a codebook needs at least one entry in each vocabulary"));
    }
    return List.copyOf(result.values());
  }

  @FunctionalInterface
  private interface EntryBuilder<T> {
    T make(Fields entry, String id);
  }
}
