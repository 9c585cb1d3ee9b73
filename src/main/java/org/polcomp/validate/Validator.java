package org.polcomp.validate;

import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.model.Codebook;
import org.polcomp.model.Countries;
import org.polcomp.model.Funding;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Period;
import org.polcomp.model.Source;
import org.polcomp.model.Vocabulary;

/**
 * The rules of FORMAT.md that look at values rather than shape: ids, vocabularies (from the
 * codebook), dates in order, references between measures, URLs, amounts, and the warnings. Rules
 * report through a consumer and never throw or change the model.
 */
public final class Validator {
  private final Codebook codebook;
  // The codebook's vocabularies, looked up once: validation asks for them for every value.
  private final Vocab domains;
  private final Vocab groups;
  private final Vocab instruments;
  private final Vocab fundingSources;
  private final Vocab contactPartners;
  private final Vocab scales = new Vocab(Vocabulary.SCALES);
  private final Vocab declaredDurations = new Vocab(Vocabulary.DECLARED_DURATIONS);
  private final Vocab statuses = new Vocab(Vocabulary.STATUSES);

  public Validator(Codebook codebook) {
    this.codebook = codebook;
    Map<String, List<String>> v = codebook.vocabularies();
    this.domains = new Vocab(v.get("domains"));
    this.groups = new Vocab(v.get("groups"));
    this.instruments = new Vocab(v.get("instruments"));
    this.fundingSources = new Vocab(v.get("funding_sources"));
    this.contactPartners = new Vocab(v.get("contact_partners"));
  }

  /** A vocabulary: a set to check values against, the list (in codebook order) for hints. */
  private record Vocab(List<String> values, Set<String> set) {
    Vocab(List<String> values) {
      this(List.copyOf(values), Set.copyOf(values));
    }
  }

  /** Checks one municipality and its measures (everything that stays inside one document). */
  public void document(Municipality m, Consumer<Diagnostic> out) {
    Locations at = m.locations();
    id(m.id(), at.at("id"), "municipality id", out);
    if (m.country() != null && !Countries.isAlpha2(m.country())) {
      String upper = m.country().toUpperCase(Locale.ROOT);
      out.accept(Diagnostic.of(at.at("country"), Code.E022,
          "country '" + Diagnostic.clip(m.country()) + "' is not an ISO 3166-1 alpha-2 code",
          Countries.isAlpha2(upper) ? "write it in upper case: '" + upper + "'"
              : "use the two-letter code, e.g. NL, BE, DE"));
    }
    if (m.population() != null && m.population() < 0) {
      out.accept(Diagnostic.of(at.at("population"), Code.E018,
          "population " + m.population() + " is negative",
          "write the number of inhabitants, or leave 'population' out when it is not known"));
    }
    if (m.name() != null && isBlank(m.name())) {
      out.accept(Diagnostic.of(at.at("name"), Code.E024,
          "the name of municipality '" + Diagnostic.clip(m.id()) + "' is blank",
          "write the municipality's official name"));
    }
    Map<String, SourceLocation> ids = new HashMap<>();
    for (Measure measure : m.measures()) {
      SourceLocation first = ids.putIfAbsent(measure.id(), measure.locations().at("id"));
      if (first != null) {
        out.accept(Diagnostic.of(measure.locations().at("id"), Code.E016,
            "duplicate measure id '" + measure.id() + "' in municipality '" + m.id()
                + "' (first at line " + first.line() + ")",
            "give each measure of a municipality its own id"));
      }
    }
    Hints hints = new Hints();
    for (Measure measure : m.measures()) {
      measure(measure, ids, hints, out);
    }
  }

  /**
   * How many "did you mean" hints of each code one document may still ask for: as many as a file
   * lists diagnostics of one code ({@code DatasetLoader.MAX_DIAGNOSTICS_PER_CODE}); the ones past
   * that are only counted, so a hint there would be work nobody reads. A hint over the measure ids
   * looks at every id of the document: without the bound, a document of 35,000 measures whose
   * successors all miss cost minutes (a hint per miss over every id).
   */
  static final int HINTS_PER_CODE = 1000;

  /** The hints a document has left, per code; one per document, on the thread checking it. */
  private static final class Hints {
    private int successors = HINTS_PER_CODE;
    private int values = HINTS_PER_CODE;
    // A missing successor is often missed the same way many times (a renamed measure).
    private final Map<String, String> bySuccessor = new HashMap<>();

    /** The hint for a successor that names no measure, or null. */
    String successor(String successor, Set<String> ids) {
      if (bySuccessor.containsKey(successor)) {
        return bySuccessor.get(successor);
      }
      if (successors-- <= 0) {
        return null;
      }
      // Ties go to the smallest id, whatever the hash map's order.
      String hint = Suggest.closestInAnyOrder(successor, ids).map(Suggest::didYouMean)
          .orElse(null);
      bySuccessor.put(successor, hint);
      return hint;
    }

    boolean value() {
      return values-- > 0;
    }
  }

  /** Checks what spans documents: municipality ids are unique in the dataset. */
  public void dataset(List<Municipality> municipalities, Consumer<Diagnostic> out) {
    Map<String, Municipality> seen = new HashMap<>();
    for (Municipality m : municipalities) {
      Municipality first = seen.putIfAbsent(m.id(), m);
      if (first != null) {
        SourceLocation f = first.locations().base();
        out.accept(Diagnostic.of(m.locations().base(), Code.E015,
            "duplicate municipality id '" + m.id() + "', first used at " + f,
            "each municipality is described once; merge the two documents or fix the id"));
      }
    }
  }

  private void measure(Measure m, Map<String, SourceLocation> ids, Hints hints,
      Consumer<Diagnostic> out) {
    Locations at = m.locations();
    String what = "measure '" + m.id() + "'";
    id(m.id(), at.at("id"), "measure id", out);
    if (m.title() != null && isBlank(m.title())) {
      out.accept(Diagnostic.of(at.at("title"), Code.E024, "the title of " + what + " is blank",
          "give the measure a title"));
    }
    if (m.domain() != null) {
      vocab(m.domain(), at.at("domain"), "domain", domains, hints, out);
    }
    List<String> groups = m.target().groups();
    for (int i = 0; i < groups.size(); i++) {
      String g = groups.get(i);
      if (!this.groups.set().contains(g) && codebook.group(g).isEmpty()) {
        SourceLocation where = at.at("target.groups[" + i + "]");
        if (g.startsWith(Codebook.ORIGIN_PREFIX)) {
          out.accept(Diagnostic.of(where, Code.E011,
              "unknown value '" + Diagnostic.clip(g) + "' for 'target.groups': '"
                  + g.substring(Codebook.ORIGIN_PREFIX.length())
                  + "' is not an ISO 3166-1 alpha-2 code",
              "write origin:XX with an upper-case country code, e.g. origin:SY"));
        } else {
          vocab(g, where, "target.groups", this.groups, hints, out);
        }
      }
    }
    if (m.instrument() != null) {
      vocab(m.instrument(), at.at("instrument"), "instrument", instruments, hints, out);
    }
    if (m.scale() != null) {
      vocab(m.scale(), at.at("scale"), "scale", scales, hints, out);
    }
    if (m.declaredDuration() != null) {
      vocab(m.declaredDuration(), at.at("declared_duration"), "declared_duration",
          declaredDurations, hints, out);
    }
    if (m.status() != null) {
      vocab(m.status(), at.at("status"), "status", statuses, hints, out);
    }
    period(m, out);
    List<Funding> funding = m.funding();
    for (int i = 0; i < funding.size(); i++) {
      Funding f = funding.get(i);
      if (!fundingSources.set().contains(f.source())) {
        vocab(f.source(), at.at("funding[" + i + "].source"), "funding.source", fundingSources,
            hints, out);
      }
      if (f.amountEur() != null) {
        String p = "funding[" + i + "]";
        if (!Double.isFinite(f.amountEur())) {
          out.accept(Diagnostic.of(at.at(p + ".amount_eur"), Code.E021,
              "amount_eur of " + what + " is not a finite number", "write an amount in euro"));
        } else if (Math.abs(f.amountEur()) >= MAX_AMOUNT) {
          out.accept(Diagnostic.of(at.at(p + ".amount_eur"), Code.E021,
              "amount_eur " + f.amountEur() + " of " + what + " is not below 1e15 euro, so sums"
                  + " of it are no longer exact",
              "write the amount in euro, not cents; check for extra digits"));
        } else if (f.amountEur() < 0) {
          out.accept(Diagnostic.of(at.at(p + ".amount_eur"), Code.E018,
              "amount_eur " + plain(f.amountEur()) + " of " + what + " is negative",
              "amounts are >= 0; record cuts in a note"));
        }
      }
    }
    if (m.successor() != null) {
      if (!ids.containsKey(m.successor()) || m.successor().equals(m.id())) {
        String hint = hints.successor(m.successor(), ids.keySet());
        out.accept(Diagnostic.of(at.at("successor"), Code.E017,
            m.successor().equals(m.id())
                ? "successor of " + what + " names the measure itself"
                : "successor '" + Diagnostic.clip(m.successor()) + "' of " + what
                    + " names no measure of this municipality",
            hint != null ? hint : "a successor is the id of another measure in the same file"));
      }
    }
    List<String> with = m.contactWith();
    for (int i = 0; i < with.size(); i++) {
      if (!contactPartners.set().contains(with.get(i))) {
        vocab(with.get(i), at.at("contact.with[" + i + "]"), "contact.with", contactPartners,
            hints, out);
      }
    }
    if (m.sources().isEmpty()) {
      out.accept(Diagnostic.of(at.at("id"), Code.W003, what + " cites no sources",
          "add 'sources:' with the document the measure rests on"));
    }
    List<Source> sources = m.sources();
    for (int i = 0; i < sources.size(); i++) {
      String url = sources.get(i).url();
      if (url != null && !isHttpUrl(url)) {
        int bad = badUrlCharacter(url);
        out.accept(Diagnostic.of(at.at("sources[" + i + "].url"), Code.E019,
            bad < 0 ? "url '" + Diagnostic.clip(url) + "' of " + what + " is not an http(s) URL"
                : "url '" + Diagnostic.clip(url) + "' of " + what + " holds " + describeChar(url, bad)
                    + " at character " + (bad + 1) + ", which a URL cannot hold",
            bad < 0 ? "write a web address starting with https:// or http://"
                : "write it as " + percentEncoded(url.codePointAt(bad))
                    + " (copy the address from the browser's address bar to get it encoded)"));
      }
    }
    // An end that was written but is not a date has its own error (E013): not "no end date" too.
    if (("ended".equals(m.status()) || "upscaled".equals(m.status()))
        && m.period().end() == null && (m.period().openEnd() || !at.has("period.end"))) {
      out.accept(Diagnostic.of(at.at("status"), Code.W006,
          what + " has status '" + m.status() + "' but no end date",
          "add 'period: {end: YYYY-MM}'"));
    }
  }

  private static void period(Measure m, Consumer<Diagnostic> out) {
    Period p = m.period();
    if (p.start() != null && p.end() != null && p.end().last().isBefore(p.start().first())) {
      out.accept(Diagnostic.of(m.locations().at("period.end"), Code.E014,
          "period of measure '" + m.id() + "' ends (" + p.end() + ") before it starts ("
              + p.start() + ")",
          "swap start and end, or fix the year"));
    }
  }

  private static void id(String id, SourceLocation at, String what, Consumer<Diagnostic> out) {
    if (!isId(id)) {
      out.accept(Diagnostic.of(at, Code.E012,
          "invalid " + what + " '" + Diagnostic.clip(id) + "'",
          "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
  }

  private static void vocab(String value, SourceLocation at, String key, Vocab vocab,
      Hints hints, Consumer<Diagnostic> out) {
    if (vocab.set().contains(value)) {
      return;
    }
    List<String> allowed = vocab.values();
    // A codebook may have many values of a vocabulary: bounded as the successors' hints are.
    String hint = hints.value() ? Suggest.didYouMean(value, allowed) : null;
    if (hint == null) {
      hint = allowed.size() <= 12 ? "use one of: " + String.join(", ", allowed)
          : "see 'polcomp codebook' for the values";
    }
    out.accept(Diagnostic.of(at, Code.E011,
        "unknown value '" + Diagnostic.clip(value) + "' for '" + key + "'", hint));
  }

  /** {@link Vocabulary#ID} written out: this runs for every measure, a regex costs more. */
  static boolean isId(String id) {
    int n = id.length();
    if (n < 1 || n > 64 || !isAlnum(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = id.charAt(i);
      if (!isAlnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** The largest amount whose sums stay exact in a double (and far above any budget). */
  static final double MAX_AMOUNT = 1e15;

  /** FORMAT.md: blank after removing white space and invisible characters counts as blank. */
  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c)) {
        return false;
      }
    }
    return true;
  }

  // Zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen.
  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
        || c == '\u00AD' || c == '\u180E';
  }

  /** The index of the first character no URL may hold unencoded (RFC 3986), or -1. */
  static int badUrlCharacter(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F || c == '\u00A0') {
        return i;
      }
      switch (c) {
        case '<', '>', '"', '{', '}', '|', '\\', '^', '`' -> {
          return i;
        }
        default -> { }
      }
    }
    return -1;
  }

  private static String describeChar(String s, int i) {
    char c = s.charAt(i);
    return switch (c) {
      case ' ' -> "a space";
      case '\u00A0' -> "a no-break space";
      default -> c < 0x20 || c >= 0x7F && c <= 0x9F ? "the control character U+"
          + String.format(Locale.ROOT, "%04X", (int) c) : "'" + c + "'";
    };
  }

  /** A character as %XX escapes of its UTF-8 bytes: a space is %20. */
  static String percentEncoded(int codePoint) {
    StringBuilder b = new StringBuilder();
    for (byte x : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
    }
    return b.toString();
  }

  /**
   * An absolute http(s) URL with a host. A host in another script ({@code https://例え.jp/}) is
   * an internationalised domain name, valid once written in ASCII (IDNA), so it is checked so.
   */
  static boolean isHttpUrl(String url) {
    if (badUrlCharacter(url) >= 0) {
      return false;
    }
    // nearly every address is ASCII, and then so is its host
    return isAsciiHttpUrl(isAscii(url) ? url : asciiHost(url));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The URL with a non-ASCII host written in IDNA ASCII form; unchanged when not possible. */
  private static String asciiHost(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String host = authority.substring(at + 1);
    int colon = host.lastIndexOf(':');
    String port = "";
    if (colon >= 0 && !host.startsWith("[")) {
      port = host.substring(colon);
      host = host.substring(0, colon);
    }
    if (isAscii(host)) {
      return url;
    }
    try {
      String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      return url.substring(0, start) + authority.substring(0, at + 1) + ascii + port
          + url.substring(end);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static boolean isAsciiHttpUrl(String url) {
    if (isPlainHttpUrl(url)) {
      return true;
    }
    try {
      URI u = new URI(url);
      String scheme = u.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && u.getHost() != null && !u.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Whether an ASCII address has the plain shape nearly every source's address has, which
   * {@link URI} certainly accepts with a host: {@code http://} or {@code https://}, a host name
   * of letters, digits and inner hyphens in dot-separated labels (the last starting with a
   * letter), then only characters a path, query and fragment may hold, with well-formed
   * {@code %} escapes and at most one {@code #}. False means "ask {@link URI}", not "invalid":
   * ports, user names, IP addresses and brackets go there. The check by {@link URI} parsed every
   * address twice over and was a thirtieth of validating 100,000 municipalities; this is one
   * pass over the characters.
   */
  static boolean isPlainHttpUrl(String url) {
    int i;
    if (url.startsWith("https://")) {
      i = 8;
    } else if (url.startsWith("http://")) {
      i = 7;
    } else {
      return false;
    }
    int n = url.length();
    // the host: label ("." label)*, a label alphanumeric with inner hyphens
    int labelStart = i;
    while (true) {
      int start = i;
      while (i < n && (isAlphanumeric(url.charAt(i)) || url.charAt(i) == '-')) {
        i++;
      }
      if (i == start || url.charAt(start) == '-' || url.charAt(i - 1) == '-') {
        return false;
      }
      labelStart = start;
      if (i < n && url.charAt(i) == '.') {
        i++;
        continue;
      }
      break;
    }
    if (!isLetter(url.charAt(labelStart))) {
      return false;
    }
    if (i < n && url.charAt(i) != '/' && url.charAt(i) != '?' && url.charAt(i) != '#') {
      return false; // a port, user name or other character: URI decides
    }
    // the path, query and fragment
    boolean fragment = false;
    for (; i < n; i++) {
      char c = url.charAt(i);
      if (isAlphanumeric(c) || "-_.!~*'();:@&=+$,/?".indexOf(c) >= 0) {
        continue;
      }
      if (c == '%' && i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
        i += 2;
      } else if (c == '#' && !fragment) {
        fragment = true;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isAlphanumeric(char c) {
    return isLetter(c) || c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
