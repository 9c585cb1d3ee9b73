package org.polcomp.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
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
  private final Map<String, SourceLocation> where;
  private final Map<String, Entry> byKey;
  // Made on the first extension field: most maps have none, and there are millions of maps.
  private Map<String, Object> extensions = Map.of();

  /**
   * @param path the map's path ("" for the document, "target", "funding[0]") for locations
   * @param what how messages name the map ("municipality", "measure 'x'")
   */
  Fields(YMap map, String path, String what, List<String> known, Consumer<Diagnostic> out,
      Map<String, SourceLocation> where) {
    this.map = map;
    this.path = path;
    this.out = out;
    this.where = where;
    this.byKey = new HashMap<>(Math.max(4, map.entries().size() * 2));
    // Where a key stands ("target.groups#key") is kept for the document and the municipality;
    // inside measures only the values' places are: nothing asks for those keys' places after
    // this class (which reports unknown keys itself), and a large dataset has millions of them.
    boolean keyPlaces = !isMeasureLevel(known);
    for (Entry e : map.entries()) {
      if (e.key().startsWith("x-")) {
        if (extensions.isEmpty()) {
          extensions = new LinkedHashMap<>();
        }
        extensions.put(e.key(), plain(e.value()));
      } else if (known.contains(e.key())) {
        byKey.put(e.key(), e);
        String[] names = names(path, e.key());
        where.put(names[0], e.value().at());
        if (keyPlaces) {
          where.put(names[1], e.keyAt());
        }
      } else if (e.key().equals("<<")) {
        // YAML 1.1's merge key; YAML 1.2 has none, and '<<' is one edit away from "id".
        out.accept(Diagnostic.of(e.keyAt(), Code.E010,
            "unknown key '<<' in " + what + ": merge keys are YAML 1.1 and not supported",
            "write the keys out in this map"));
      } else {
        String hint = Suggest.didYouMean(e.key(), known);
        out.accept(Diagnostic.of(e.keyAt(), Code.E010,
            "unknown key '" + clip(e.key()) + "' in " + what,
            hint != null ? hint : "known keys: " + String.join(", ", known)
                + "; extension fields start with 'x-'"));
      }
    }
  }

  /**
   * The location paths of the format's own keys ({@code target.groups} and {@code
   * target.groups#key}), made once: building them for every value of a large dataset cost more
   * than reading it. Immutable after class initialisation.
   */
  private static final Map<String, Map<String, String[]>> NAMES = names();

  private static Map<String, Map<String, String[]>> names() {
    Map<String, List<String>> byPath = new HashMap<>();
    List<String> top = new ArrayList<>(PolicyBinder.DOCUMENT_KEYS);
    top.addAll(PolicyBinder.MUNICIPALITY_KEYS);
    top.addAll(PolicyBinder.MEASURE_KEYS);
    byPath.put("", top);
    byPath.put("target", PolicyBinder.TARGET_KEYS);
    byPath.put("period", PolicyBinder.PERIOD_KEYS);
    byPath.put("contact", PolicyBinder.CONTACT_KEYS);
    byPath.put("coding", PolicyBinder.CODING_KEYS);
    for (int i = 0; i < 16; i++) {
      byPath.put("funding[" + i + "]", PolicyBinder.FUNDING_KEYS);
      byPath.put("sources[" + i + "]", PolicyBinder.SOURCE_KEYS);
    }
    Map<String, Map<String, String[]>> names = new HashMap<>();
    byPath.forEach((path, keys) -> {
      Map<String, String[]> m = new HashMap<>();
      for (String k : keys) {
        String sub = path.isEmpty() ? k : path + "." + k;
        m.put(k, new String[] {sub, sub + "#key"});
      }
      names.put(path, Map.copyOf(m));
    });
    return Map.copyOf(names);
  }

  private static boolean isMeasureLevel(List<String> known) {
    return known == PolicyBinder.MEASURE_KEYS || known == PolicyBinder.TARGET_KEYS
        || known == PolicyBinder.PERIOD_KEYS || known == PolicyBinder.FUNDING_KEYS
        || known == PolicyBinder.CONTACT_KEYS || known == PolicyBinder.SOURCE_KEYS
        || known == PolicyBinder.CODING_KEYS;
  }

  /** The path of {@code key}'s value and of the key itself, for the locations map. */
  private static String[] names(String path, String key) {
    Map<String, String[]> m = NAMES.get(path);
    String[] n = m == null ? null : m.get(key);
    if (n != null) {
      return n;
    }
    String sub = path.isEmpty() ? key : path + "." + key;
    return new String[] {sub, sub + "#key"};
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
    Entry e = byKey.get(key);
    if (e == null || (e.value() instanceof YScalar s && s.isNull())) {
      return null;
    }
    return e.value();
  }

  boolean has(String key) {
    return get(key) != null;
  }

  /** Reports a missing required key at the map; returns false when missing. */
  boolean require(String key, String what) {
    if (has(key)) {
      return true;
    }
    Entry e = byKey.get(key);
    SourceLocation at = e != null ? e.keyAt() : map.at();
    out.accept(Diagnostic.of(at, Code.E009,
        "missing required key '" + key + "' in " + what,
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
    wrongType(key, n, "a number");
    return null;
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

  /** A date in one of FORMAT.md's forms; {@code allowOpen} accepts the word {@code open}. */
  PartialDate date(String key) {
    YNode n = get(key);
    if (n == null) {
      return null;
    }
    if (n instanceof YScalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INT)) {
      var d = PartialDate.parse(s.text());
      if (d.isPresent()) {
        return d.get();
      }
      out.accept(Diagnostic.of(n.at(), Code.E013,
          "invalid date '" + clip(s.text()) + "' for '" + key + "'",
          "write YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date (e.g. 2016-11 or 2016-11-01)"));
      return null;
    }
    wrongType(key, n, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return null;
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
            "an entry of '" + key + "' must be text, not " + item.kind(), null));
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

  void wrongType(String key, YNode n, String expected) {
    String shown = n instanceof YScalar s ? " '" + clip(s.text()) + "'" : "";
    out.accept(Diagnostic.of(n.at(), Code.E008,
        "'" + key + "' must be " + expected + ", not " + n.kind() + shown, null));
  }

  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
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
