package org.polcomp.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.Printable;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.YNode.Entry;
import org.polcomp.load.YNode.ScalarType;
import org.polcomp.load.YNode.YMap;
import org.polcomp.load.YNode.YScalar;
import org.polcomp.load.YNode.YSeq;
import org.polcomp.model.PartialDate;

/**
 * Typed access to one YAML map with diagnostics: unknown keys (with "did you mean"), missing
 * required keys, wrong types. Every value read records its location under a path, for {@link
 * org.polcomp.model.Locations}.
 */
final class Fields {
  private final YMap map;
  private final String path;
  private final Consumer<Diagnostic> out;
  private final Supplier<String> what;
  private final Map<String, SourceLocation> where;
  private final KeyIndex known;
  // The entry of each known key, by its position in the list of known keys.
  private final Entry[] byKey;
  // Made on the first extension field: most maps have none, and there are millions of maps.
  private Map<String, Object> extensions = Map.of();
  // The known keys that an unknown key of this map was taken for ('titel' for 'title'): the
  // E010 names them already, so a missing one is not reported a second time.
  private List<String> misspelt = List.of();

  /**
   * @param path the map's path ("" for the document, "target", "funding[0]") for locations
   * @param what how messages name the map ("municipality", "measure 'x'")
   */
  Fields(YMap map, String path, String what, List<String> known, Consumer<Diagnostic> out,
      Map<String, SourceLocation> where) {
    this(map, path, () -> what, known, out, where);
  }

  /**
   * As the other constructor, with the map's name made only when a message needs it: the binder
   * names every map of every measure ("a source of measure 'x'"), and building those names was a
   * sixtieth of reading a large dataset that has almost no messages.
   */
  Fields(YMap map, String path, Supplier<String> what, List<String> known,
      Consumer<Diagnostic> out, Map<String, SourceLocation> where) {
    this.what = what;
    this.map = map;
    this.path = path;
    this.out = out;
    this.where = where;
    this.known = KeyIndex.of(known);
    this.byKey = new Entry[known.size()];
    // Where a key stands ("target.groups#key") is kept for the document and the municipality;
    // inside measures only the values' places are: nothing asks for those keys' places after
    // this class (which reports unknown keys itself), and a large dataset has millions of them.
    boolean keyPlaces = !isMeasureLevel(known);
    String[][] pathNames = names(path, this.known);
    List<Entry> entries = map.entries();
    for (int i = 0, n = entries.size(); i < n; i++) {
      Entry e = entries.get(i);
      // No known key starts with "x-" (KeyIndexTest): a known key is never an extension.
      int k = this.known.indexOf(e.key());
      if (k < 0 && e.key().startsWith("x-")) {
        if (extensions.isEmpty()) {
          extensions = new LinkedHashMap<>();
        }
        extensions.put(e.key(), plain(e.value()));
      } else if (k >= 0) {
        byKey[k] = e;
        String[] names = pathNames != null ? pathNames[k] : names(path, e.key());
        where.put(names[0], e.value().at());
        if (keyPlaces) {
          where.put(names[1], e.keyAt());
        }
      } else if (e.key().equals("<<")) {
        // YAML 1.1's merge key; YAML 1.2 has none, and '<<' is one edit away from "id".
        out.accept(Diagnostic.of(e.keyAt(), Code.E010,
            "unknown key '<<' in " + what.get() + ": merge keys are YAML 1.1 and not supported",
            "write the keys out in this map"));
      } else {
        String near = Suggest.closest(e.key(), known).orElse(null);
        String hint = near == null ? null : "did you mean '" + near + "'?";
        if (near != null) {
          if (misspelt.isEmpty()) {
            misspelt = new ArrayList<>(2);
          }
          misspelt.add(near);
        }
        out.accept(Diagnostic.of(e.keyAt(), Code.E010,
            "unknown key '" + Diagnostic.clip(e.key()) + "' in " + what.get(),
            hint != null ? hint : "known keys: " + String.join(", ", known)
                + "; extension fields start with 'x-'"));
      }
    }
  }

  /**
   * The location paths of the format's own keys ({@code target.groups} and {@code
   * target.groups#key}), by the list of keys ({@link KeyIndex#format}), the path of their map and
   * the key's position in the list, made once: building them for every value of a large dataset
   * cost more than reading it, and finding them by key in a map per path was a fiftieth of it.
   * Immutable after class initialisation.
   */
  private static final Named[] NAMES = names();

  /** The names of one list's keys in the maps at each of {@code paths}. */
  private record Named(String[] paths, String[][][] names) {
    /**
     * The names at {@code path}, or null. The binder's paths are the instances listed here (its
     * literals, {@link PolicyBinder#indexed}), found by reference; another by its text.
     */
    String[][] at(String path) {
      for (int i = 0; i < paths.length; i++) {
        if (paths[i] == path) {
          return names[i];
        }
      }
      for (int i = 0; i < paths.length; i++) {
        if (paths[i].equals(path)) {
          return names[i];
        }
      }
      return null;
    }
  }

  private static Named[] names() {
    Map<List<String>, List<String>> paths = new IdentityHashMap<>();
    for (List<String> keys : List.of(PolicyBinder.DOCUMENT_KEYS, PolicyBinder.MUNICIPALITY_KEYS,
        PolicyBinder.MEASURE_KEYS)) {
      paths.put(keys, List.of(""));
    }
    paths.put(PolicyBinder.TARGET_KEYS, List.of("target"));
    paths.put(PolicyBinder.PERIOD_KEYS, List.of("period"));
    paths.put(PolicyBinder.CONTACT_KEYS, List.of("contact"));
    paths.put(PolicyBinder.CODING_KEYS, List.of("coding"));
    List<String> funding = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      funding.add(PolicyBinder.indexed("funding", i));
      sources.add(PolicyBinder.indexed("sources", i));
    }
    paths.put(PolicyBinder.FUNDING_KEYS, funding);
    paths.put(PolicyBinder.SOURCE_KEYS, sources);
    Named[] named = new Named[PolicyBinder.KEY_LISTS.size()];
    paths.forEach((keys, at) -> {
      String[][][] names = new String[at.size()][keys.size()][];
      for (int i = 0; i < at.size(); i++) {
        for (int p = 0; p < keys.size(); p++) {
          names[i][p] = names(at.get(i), keys.get(p));
        }
      }
      named[KeyIndex.of(keys).format()] = new Named(at.toArray(String[]::new), names);
    });
    return named;
  }

  /** The names made once for the keys of {@code known} in the map at {@code path}, or null. */
  private static String[][] names(String path, KeyIndex known) {
    Named named = known.format() < 0 ? null : NAMES[known.format()];
    return named == null ? null : named.at(path);
  }

  /** The path of {@code key}'s value in the map at {@code path}, and of the key itself. */
  private static String[] names(String path, String key) {
    String sub = path.isEmpty() ? key : path + "." + key;
    return new String[] {sub, sub + "#key"};
  }

  private static boolean isMeasureLevel(List<String> known) {
    return known == PolicyBinder.MEASURE_KEYS || known == PolicyBinder.TARGET_KEYS
        || known == PolicyBinder.PERIOD_KEYS || known == PolicyBinder.FUNDING_KEYS
        || known == PolicyBinder.CONTACT_KEYS || known == PolicyBinder.SOURCE_KEYS
        || known == PolicyBinder.CODING_KEYS;
  }

  SourceLocation at() {
    return map.at();
  }

  String sub(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Map<String, Object> extensions() {
    return extensions;
  }

  /** The value of a key, or null when absent or written as null. */
  YNode get(String key) {
    Entry e = entry(key);
    if (e == null || (e.value() instanceof YScalar s && s.isNull())) {
      return null;
    }
    return e.value();
  }

  /** The entry of a key, or null when absent or not a key of this map. */
  private Entry entry(String key) {
    int k = known.indexOf(key);
    return k < 0 ? null : byKey[k];
  }

  boolean has(String key) {
    return get(key) != null;
  }

  /** Reports a missing required key at the map, named as the map is; false when missing. */
  boolean require(String key) {
    return require(key, what);
  }

  /** Reports a missing required key at the map; returns false when missing. */
  boolean require(String key, String what) {
    return require(key, () -> what);
  }

  private boolean require(String key, Supplier<String> what) {
    if (has(key)) {
      return true;
    }
    Entry e = entry(key);
    if (e == null && misspelt.contains(key)) {
      return false; // the unknown key's "did you mean" already says it
    }
    SourceLocation at = e != null ? e.keyAt() : map.at();
    out.accept(Diagnostic.of(at, Code.E009,
        "missing required key '" + key + "' in " + what.get(),
        e != null ? "give '" + key + "' a value" : "add '" + key + ":' to this map"));
    return false;
  }

  /** Any scalar read as text (YAML 1.2: yes, on, 0777 are text where text is expected). */
  String string(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YScalar s) {
      return s.text();
    }
    wrongType(key, n, "text");
    return null;
  }

  /**
   * Free text (a title, a name, a note): as {@link #string}, and an E026 for a control character,
   * which FORMAT.md forbids in text values (a tab is allowed, and a line feed where {@code
   * multiLine}). The value is kept, so that the rest is still checked.
   */
  String text(String key, boolean multiLine) {
    String v = string(key);
    if (v == null) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= 0x7F && lone(v, i)) {
        // from a YAML escape of half a character: no character at all, which reports print as ?
        out.accept(Diagnostic.of(get(key).at(), Code.E026,
            "'" + key + "' holds half a character (the lone surrogate " + Printable.name(c)
                + ") at character " + (i + 1),
            "write the whole character, or both halves of its escape (\\ud83d\\ude00)"));
        break;
      }
      if (c < 0x20 && c != '\t' && !(c == '\n' && multiLine) || c >= 0x7F && c <= 0x9F) {
        out.accept(Diagnostic.of(get(key).at(), Code.E026,
            "'" + key + "' holds the control character " + Printable.name(c) + " at character "
                + (i + 1),
            c == '\n' ? "write '" + key + "' on one line, or as a block ('" + key + ": |') if it"
                + " is a description or a note"
                : "remove it; it is invisible and would be sent to whatever shows the value"));
        break;
      }
    }
    return v;
  }

  /** Whether the char at {@code i} is a surrogate without its other half. */
  private static boolean lone(String v, int i) {
    char c = v.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(v.charAt(i - 1)));
  }

  Boolean bool(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YScalar s && s.type() == ScalarType.BOOL) {
      return Boolean.valueOf(s.text().toLowerCase(Locale.ROOT));
    }
    wrongType(key, n, "true or false");
    return null;
  }

  /** An integer; null (with E008) for anything else. */
  Long integer(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    // Past 40 characters no integer fits a long; and BigInteger's parse is slow on huge input.
    if (n instanceof YScalar s && s.type() == ScalarType.INT && s.text().length() <= 40) {
      BigInteger v = parseInteger(s.text());
      if (v != null && v.bitLength() < 64) {
        return v.longValue();
      }
    }
    wrongType(key, n, "a whole number");
    return null;
  }

  /** A number; infinities and NaN are kept for validation to name (E021). */
  Double number(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YScalar s && (s.type() == ScalarType.INT || s.type() == ScalarType.FLOAT)) {
      Double d = parseNumber(s.text());
      if (d != null) {
        return d;
      }
    }
    String written = n instanceof YScalar s ? numberAsWritten(s.text()) : null;
    wrongType(key, n, "a number", written != null
        ? "write " + written + ": digits, a point for decimals, no thousands separators"
        : "write digits only, e.g. 12000 or 12000.50 (no quotes, no currency sign)");
    return null;
  }

  /**
   * A number written with thousands separators, a decimal comma or a currency ("12.000,50",
   * "€ 1,500", "12 000") in the form a number takes here ("12000.50"), or null when the text is
   * not such a number.
   */
  static String numberAsWritten(String text) {
    String t = text.strip();
    for (String c : List.of("EUR", "eur", "€")) {
      if (t.startsWith(c)) {
        t = t.substring(c.length()).strip();
      }
      if (t.endsWith(c)) {
        t = t.substring(0, t.length() - c.length()).strip();
      }
    }
    t = t.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("'", "");
    if (t.isEmpty() || t.length() > 40 || !t.matches("[0-9][0-9.,]*")) {
      return null;
    }
    int point = t.lastIndexOf('.');
    int comma = t.lastIndexOf(',');
    char decimal;
    if (point >= 0 && comma >= 0) {
      decimal = point > comma ? '.' : ',';
    } else if (point < 0 && comma < 0) {
      return t.equals(text.strip()) ? null : t;
    } else {
      // One kind of mark: a decimal mark when it stands once and not before exactly three digits.
      char mark = point >= 0 ? '.' : ',';
      int at = Math.max(point, comma);
      boolean once = t.indexOf(mark) == at;
      decimal = once && t.length() - at - 1 != 3 ? mark : 0;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == decimal && i == t.lastIndexOf(decimal)) {
        b.append('.');
      } else if (Character.isDigit(c)) {
        b.append(c);
      } else if (c == decimal) {
        return null;
      }
    }
    String r = b.toString();
    return r.equals(text.strip()) || r.endsWith(".") ? null : r;
  }

  /** A YAML 1.2 core integer: decimal with an optional sign, 0o octal or 0x hexadecimal. */
  static BigInteger parseInteger(String text) {
    try {
      if (text.startsWith("0x")) {
        return new BigInteger(text.substring(2), 16);
      }
      if (text.startsWith("0o")) {
        return new BigInteger(text.substring(2), 8);
      }
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Double parseNumber(String text) {
    if (text.startsWith("0x") || text.startsWith("0o")) {
      BigInteger v = parseInteger(text);
      return v == null ? null : v.doubleValue();
    }
    String t = text.toLowerCase(Locale.ROOT);
    switch (t) {
      case ".inf", "+.inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.valueOf(t);
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
  }

  /** A date in one of FORMAT.md's forms. */
  PartialDate date(String key) {
    return date(key, false);
  }

  /**
   * A date in one of FORMAT.md's forms; with {@code openAllowed} (an end) a near-miss of the word
   * {@code open} ("Open", "ongoing") gets {@code open} as its hint.
   */
  PartialDate date(String key, boolean openAllowed) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)) {
      var d = PartialDate.parse(s.text());
      if (d.isPresent()) {
        return d.get();
      }
      boolean open = openAllowed && meansOpen(s.text());
      out.accept(Diagnostic.of(n.at(), Code.E013,
          "invalid date '" + Diagnostic.clip(s.text()) + "' for '" + key + "'",
          open ? "write 'open' (lower case) for a measure without an end date"
              : PartialDate.hint(s.text())));
      return null;
    }
    wrongType(key, n, "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        n instanceof YScalar s && s.type() == ScalarType.FLOAT
            ? "write the month after a hyphen, e.g. " + s.text().replace('.', '-')
                + ", not a point" : "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-11");
    return null;
  }

  /** Words people write for an end that is not there yet. */
  private static final List<String> OPEN_WORDS =
      List.of("open", "ongoing", "on-going", "present", "current", "now", "none", "indefinite",
          "permanent", "continuing", "running", "open-ended", "open ended", "until further notice");

  private static boolean meansOpen(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return OPEN_WORDS.contains(t) || Suggest.distance(t, "open", 1) <= 1;
  }

  /** A list of maps, each handed to {@code each} with its index; null when absent. */
  List<YMap> maps(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (!(n instanceof YSeq seq)) {
      wrongType(key, n, "a list");
      return null;
    }
    List<YMap> maps = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      if (item instanceof YMap m) {
        maps.add(m);
      } else {
        out.accept(Diagnostic.of(item.at(), Code.E008,
            "an entry of '" + key + "' must be a map, not " + item.kind(),
            "write the entry as 'key: value' lines under '- '"));
        maps.add(null);
      }
    }
    return maps;
  }

  /** A list of text values (a single scalar is not accepted); null when absent. */
  List<String> strings(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (!(n instanceof YSeq seq)) {
      wrongType(key, n, "a list such as [a, b]");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YNode item = seq.items().get(i);
      if (item instanceof YScalar s && !s.isNull()) {
        where.put(sub(key) + "[" + values.size() + "]", item.at());
        values.add(s.text());
      } else {
        out.accept(Diagnostic.of(item.at(), Code.E008,
            "an entry of '" + key + "' must be text, not " + item.kind(),
            "write each entry as a plain word, e.g. [" + key + "-a, " + key + "-b]"));
      }
    }
    return values;
  }

  /** A nested map; null when absent or of the wrong type. */
  YMap map(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YMap m) {
      return m;
    }
    wrongType(key, n, "a map");
    return null;
  }

  private void wrongType(String key, YNode n, String expected) {
    wrongType(key, n, expected, switch (expected) {
      case "text" -> "write a single value after '" + key + ":'; quote it if it holds ': ' or"
          + " starts with [ or {";
      case "true or false" -> "write true or false";
      case "a whole number" -> "write digits only, e.g. 12000 (no quotes, points or commas)";
      case "a list" -> "write the entries under '" + key + ":' as lines starting with '- '";
      case "a map" -> "write '" + key + ":' and the keys under it, indented";
      default -> "write " + expected;
    });
  }

  void wrongType(String key, YNode n, String expected, String hint) {
    String shown = n instanceof YScalar s ? " '" + Diagnostic.clip(s.text()) + "'" : "";
    out.accept(Diagnostic.of(n.at(), Code.E008,
        "'" + key + "' must be " + expected + ", not " + n.kind() + shown, hint));
  }

  /** A YAML value as plain Java values, for extension fields. */
  static Object plain(YNode n) {
    if (n instanceof YMap m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Entry e : m.entries()) {
        map.put(e.key(), plain(e.value()));
      }
      return map;
    }
    if (n instanceof YSeq s) {
      List<Object> list = new ArrayList<>();
      for (YNode item : s.items()) {
        list.add(plain(item));
      }
      return list;
    }
    YScalar s = (YScalar) n;
    return switch (s.type()) {
      case NULL -> null;
      case BOOL -> Boolean.valueOf(s.text().toLowerCase(Locale.ROOT));
      case INT -> {
        BigInteger v = s.text().length() <= 1000 ? parseInteger(s.text()) : null;
        yield v == null ? s.text() : v;
      }
      case FLOAT -> {
        Double d = parseNumber(s.text());
        yield d == null || !Double.isFinite(d) ? s.text() : d;
      }
      case STRING -> s.text();
    };
  }
}
