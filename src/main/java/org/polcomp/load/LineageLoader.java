package org.polcomp.load;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.YNode.YMap;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;
import org.polcomp.model.PartialDate;
import org.polcomp.model.Vocabulary;

/**
 * Reads the municipality lineage table: the built-in one of Dutch municipal codes (a CSV resource
 * made from the RvIG's Landelijke tabel 33) and users' {@code --lineage} files (FORMAT.md
 * "Municipality lineage"), which add rows to it or replace rows with the same code. A user file
 * is read like a policy file, with the same limits; the table after the merge must be consistent
 * (E030), so that following successors always ends.
 */
public final class LineageLoader {
  /** The resource holding the built-in table, next to this class. */
  public static final String BUILT_IN_RESOURCE = "lineage-nl.csv";
  /** The columns of the built-in table, in order. */
  public static final List<String> COLUMNS =
      List.of("code", "name", "valid_from", "valid_to", "successor", "source");
  /** The value of a user file's {@code format} key. */
  public static final String FORMAT = "polcomp-lineage/1";

  static final List<String> TOP_KEYS = List.of("format", "municipalities");
  static final List<String> ENTRY_KEYS =
      List.of("code", "name", "valid_from", "valid_to", "successor", "source");

  private final Limits limits;

  public LineageLoader(Limits limits) {
    this.limits = limits;
  }

  /** A table and the diagnostics of reading it; the table is null when the file has errors. */
  public record Result(Lineage lineage, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }
  }

  /** The built-in table; a broken resource is a build error, caught by the tests. */
  public Lineage builtIn() {
    return BuiltIn.TABLE;
  }

  /**
   * The built-in table, read once in a process when first asked for: it is a constant of the
   * jar (and immutable), and diff asked for it three times, each a parse of 1,470 rows.
   */
  private static final class BuiltIn {
    static final Lineage TABLE = readBuiltIn();
  }

  private static Lineage readBuiltIn() {
    // From the class the build makes of the resource, as the default codebook is.
    String text = Embedded.text(BUILT_IN_RESOURCE);
    if (text == null) {
      throw new IllegalStateException("the built-in lineage table is missing from the build");
    }
    try {
      return Lineage.of(readTable(new StringReader(text)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the built-in lineage table: " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a table in the built-in CSV form (a header of {@link #COLUMNS}, dates as YYYY-MM-DD,
   * empty cells for none). For our own resource and its generator, not for user input.
   */
  public static List<LineageEntry> readTable(Reader in) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<LineageEntry> entries = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(in, format)) {
      if (!p.getHeaderNames().equals(COLUMNS)) {
        throw new IllegalArgumentException("the header is " + p.getHeaderNames() + ", not "
            + COLUMNS);
      }
      for (CSVRecord r : p) {
        try {
          entries.add(new LineageEntry(r.get("code"), r.get("name"), day(r.get("valid_from")),
              day(r.get("valid_to")), blankToNull(r.get("successor")), r.get("source")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + p.getCurrentLineNumber() + ": "
              + e.getMessage(), e);
        }
      }
    }
    return entries;
  }

  private static LocalDate day(String s) {
    if (s.isEmpty()) {
      return null;
    }
    // A full date read by position (PartialDate): the table is read on every run, and the
    // formatter behind LocalDate.parse, still cold then, was a third of reading it. Anything
    // else goes to LocalDate.parse, for its exception and message.
    if (s.length() == 10) {
      Optional<PartialDate> d = PartialDate.parse(s);
      if (d.isPresent()) {
        return LocalDate.of(d.get().year(), d.get().month(), d.get().day());
      }
    }
    return LocalDate.parse(s);
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Reads a user lineage file on top of {@code base} (the built-in table, usually). */
  public Result load(Path file, Lineage base) {
    String name = DatasetLoader.display(file);
    List<Diagnostic> diags = new ArrayList<>();
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023,
            name + " is not a regular file", "give the path of a lineage YAML file"));
        return new Result(null, diags);
      }
      if (attrs.size() > limits.maxFileBytes()) {
        diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E003,
            "the lineage file is larger than " + limits.maxFileBytes() + " bytes", null));
        return new Result(null, diags);
      }
      return parse(name, Files.readAllBytes(file), base);
    } catch (IOException e) {
      diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023,
          "cannot read " + name + ": " + DatasetLoader.describe(e), null));
      return new Result(null, diags);
    }
  }

  /** Parses lineage file text; its rows are added to {@code base} or replace base rows. */
  public Result parse(String name, byte[] bytes, Lineage base) {
    List<Diagnostic> diags = new ArrayList<>();
    DiagnosticCap out = new DiagnosticCap(diags::add, DatasetLoader.MAX_DIAGNOSTICS_PER_CODE);
    List<YamlReader.Document> docs = new YamlReader(limits).read(name, bytes, out);
    Lineage merged = null;
    if (docs.size() != 1 || !(docs.get(0).root() instanceof YMap root)) {
      if (diags.stream().noneMatch(Diagnostic::isError)) {
        SourceLocation at = docs.isEmpty() ? SourceLocation.ofFile(name) : docs.get(0).at();
        out.accept(Diagnostic.of(at, Code.E008,
            "a lineage file is one YAML document holding a map",
            "write 'format: " + FORMAT + "' and a 'municipalities:' list"));
      }
    } else {
      merged = build(root, base, out);
    }
    out.finish();
    boolean failed = diags.stream().anyMatch(Diagnostic::isError);
    return new Result(failed ? null : merged, diags);
  }

  /** A user row with the places that diagnostics about it point at: its code and successor. */
  private record Row(LineageEntry entry, SourceLocation at, SourceLocation successorAt) {}

  private static Lineage build(YMap root, Lineage base, Consumer<Diagnostic> out) {
    Fields f = new Fields(root, "", "the lineage file", TOP_KEYS, out, new HashMap<>());
    String format = f.string("format");
    if (format != null && !format.equals(FORMAT)) {
      out.accept(Diagnostic.of(f.get("format").at(), Code.E020,
          "format '" + Diagnostic.clip(format) + "' is not supported for a lineage file",
          "write 'format: " + FORMAT + "' or leave the key out"));
    }
    if (!f.require("municipalities", "the lineage file")) {
      return null;
    }
    List<YMap> maps = f.maps("municipalities");
    if (maps == null) {
      return null;
    }
    if (maps.isEmpty()) {
      out.accept(Diagnostic.of(f.get("municipalities").at(), Code.E024,
          "'municipalities' is empty", "list the codes to add, or leave out --lineage"));
      return null;
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    boolean complete = true;
    for (int i = 0; i < maps.size(); i++) {
      YMap m = maps.get(i);
      Row row = m == null ? null : row(m, i, out);
      if (row == null) {
        complete = false;
        continue;
      }
      Row first = rows.putIfAbsent(row.entry().code(), row);
      if (first != null) {
        out.accept(Diagnostic.of(row.at(), Code.E030,
            "code '" + row.entry().code() + "' appears twice in the lineage file (first at line "
                + first.at().line() + ")", "keep one row per code"));
      }
    }
    TreeMap<String, LineageEntry> table = new TreeMap<>(base.byCode());
    rows.values().forEach(r -> table.put(r.entry().code(), r.entry()));
    boolean consistent = true;
    for (Row r : rows.values()) {
      String succ = r.entry().successor();
      if (succ != null && !table.containsKey(succ)) {
        out.accept(Diagnostic.of(r.successorAt(), Code.E030,
            "successor '" + Diagnostic.clip(succ) + "' of " + r.entry().code()
                + " is not a code of the lineage table",
            "add a row for " + Diagnostic.clip(succ) + ", or correct the code"));
        consistent = false;
      }
    }
    if (consistent) {
      consistent = noCycles(rows, table, out);
    }
    // A row that could not be read leaves the table incomplete: its successors may be missing.
    return complete && consistent ? new Lineage(table) : null;
  }

  /** One entry, or null when it has errors (reported). */
  private static Row row(YMap m, int index, Consumer<Diagnostic> out) {
    String what = "entry #" + (index + 1) + " of 'municipalities'";
    Fields f = new Fields(m, "municipalities[" + index + "]", what, ENTRY_KEYS, out,
        new HashMap<>());
    boolean ok = f.require("code", what) & f.require("name", what);
    String code = f.string("code");
    String name = f.string("name");
    PartialDate from = f.date("valid_from");
    PartialDate to = f.date("valid_to");
    String successor = f.string("successor");
    String source = f.string("source");
    ok &= code != null && name != null;
    ok &= f.has("valid_from") == (from != null) && f.has("valid_to") == (to != null);
    ok &= f.has("successor") == (successor != null) && f.has("source") == (source != null);
    if (code != null && !Vocabulary.ID.matcher(code).matches()) {
      out.accept(Diagnostic.of(f.get("code").at(), Code.E012,
          "invalid municipality code '" + Diagnostic.clip(code) + "'",
          "use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit"
              + " (Dutch codes are GM and four digits)"));
      ok = false;
    }
    if (name != null && name.isBlank()) {
      out.accept(Diagnostic.of(f.get("name").at(), Code.E024, "'name' is blank", null));
      ok = false;
    }
    LocalDate first = from == null ? null : from.first();
    LocalDate last = to == null ? null : to.last();
    if (first != null && last != null && last.isBefore(first)) {
      out.accept(Diagnostic.of(f.get("valid_to").at(), Code.E030,
          "valid_to " + to + " of " + code + " is before its valid_from " + from,
          "the code is valid from valid_from to valid_to, both days included"));
      ok = false;
    }
    if (successor != null && code != null) {
      if (successor.equals(code)) {
        out.accept(Diagnostic.of(f.get("successor").at(), Code.E030,
            code + " names itself as its successor", "leave 'successor' out for a code in use"));
        ok = false;
      } else if (last == null && f.get("valid_to") == null) {
        out.accept(Diagnostic.of(f.get("successor").at(), Code.E030,
            code + " has a successor but no valid_to",
            "add 'valid_to:', the last day " + code + " was valid (the day before the merger)"));
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    SourceLocation codeAt = f.get("code").at();
    // A row without a source names the file it came from, so that the printed table still says.
    String src = source != null ? source : codeAt.file();
    return new Row(new LineageEntry(code, name, first, last, successor, src), codeAt,
        successor == null ? codeAt : f.get("successor").at());
  }

  /** Reports each cycle of successors once, at the first of the file's rows on it. */
  private static boolean noCycles(Map<String, Row> rows, Map<String, LineageEntry> table,
      Consumer<Diagnostic> out) {
    // The base table has no cycles, so every cycle passes through a row of the file. Each code
    // is walked once: a walk stops at a code an earlier walk went through, so that a long chain
    // in a large file costs linear time, not quadratic.
    Set<String> walked = new HashSet<>();
    boolean none = true;
    for (Row r : rows.values()) {
      List<String> path = new ArrayList<>();
      Set<String> onPath = new HashSet<>();
      String at = r.entry().code();
      while (at != null && !walked.contains(at) && onPath.add(at)) {
        path.add(at);
        LineageEntry e = table.get(at);
        at = e == null ? null : e.successor();
      }
      walked.addAll(path);
      if (at == null || !onPath.contains(at)) {
        continue; // the chain ends, or joins one already walked
      }
      List<String> cycle = path.subList(path.indexOf(at), path.size());
      Set<String> members = new HashSet<>(cycle);
      none = false;
      Row firstRow = rows.values().stream().filter(x -> members.contains(x.entry().code()))
          .findFirst().orElse(r);
      out.accept(Diagnostic.of(firstRow.successorAt(), Code.E030,
          "the successors " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
              + " form a cycle",
          "a code's successor is the code that took it over; correct one of these rows"));
    }
    return none;
  }
}
