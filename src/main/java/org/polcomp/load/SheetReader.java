package org.polcomp.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.SheetLayout.Column;
import org.polcomp.load.SheetLayout.Kind;
import org.polcomp.load.YNode.Entry;
import org.polcomp.load.YNode.ScalarType;
import org.polcomp.load.YNode.YMap;
import org.polcomp.load.YNode.YScalar;
import org.polcomp.load.YNode.YSeq;

/**
 * Turns the sheets of a data-entry workbook into the tree the YAML reader gives: one document per
 * row of the Municipalities sheet, its measures, funding, sources and codings gathered from the
 * other sheets, every value at its cell. {@link PolicyBinder} and the validator then check it as
 * they check a YAML file. What only a workbook can get wrong (a sheet or key column missing, an
 * unknown column, a row naming a measure that does not exist, a formula, a merged cell, a number
 * in a local form) is reported here.
 */
final class SheetReader {
  // what to do with a second sheet of a name, which is not read
  private static final String SECOND_SHEET_HINT =
      "rename it to the sheet its rows belong on (its header row shows which), or delete it";
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  /** 12.000,50 or 12,5 or 12 000: a number written the way a locale shows it. */
  private static final Pattern LOCAL = Pattern.compile(
      "[-+]?[0-9]{1,3}([.,\u00a0 '][0-9]{3})+([.,][0-9]+)?|[-+]?[0-9]+,[0-9]+");

  private final String file;
  private final Limits limits;
  private final Consumer<Diagnostic> out;
  /** Made on the first extensions cell: most workbooks have none. */
  private YamlReader yaml;

  SheetReader(String file, Limits limits, Consumer<Diagnostic> out) {
    this.file = file;
    this.limits = limits;
    this.out = out;
  }

  /** A municipality being gathered: its map's entries and its measures by id. */
  private static final class Doc {
    final SourceLocation at;
    final List<Entry> municipality;
    final List<Entry> extensions = new ArrayList<>();
    final List<Measure> measures = new ArrayList<>();
    final Map<String, Measure> byId = new HashMap<>();

    Doc(SourceLocation at, List<Entry> municipality) {
      this.at = at;
      this.municipality = municipality;
    }
  }

  /** A measure being gathered: its own entries, then what the other sheets add. */
  private static final class Measure {
    final SourceLocation at;
    final Map<String, Entry> own = new LinkedHashMap<>();
    final List<Entry> extensions = new ArrayList<>();
    final List<YNode> funding = new ArrayList<>();
    final List<YNode> sources = new ArrayList<>();
    final List<YMap> codings = new ArrayList<>();

    Measure(SourceLocation at) {
      this.at = at;
    }
  }

  /** The documents of the workbook, in the order of the Municipalities sheet. */
  List<YMap> documents(List<Grid> grids) {
    Map<String, Grid> byName = new LinkedHashMap<>();
    // sheets not read: unknown names and second sheets of a name, which may hold a sheet's rows
    List<Grid> others = new ArrayList<>();
    for (Grid g : grids) {
      if (SheetLayout.sheet(g.name()).isEmpty()) {
        if (!g.name().equals(SheetLayout.README) && !g.name().equals(SheetLayout.LISTS)) {
          others.add(g);
        }
      } else if (byName.putIfAbsent(g.name(), g) != null) {
        others.add(g);
        out.accept(Diagnostic.of(sheetAt(g), Code.E028, "the workbook has a second sheet named '"
            + g.name() + "'; only the first is read", SECOND_SHEET_HINT));
      }
    }
    // Excel takes sheet names in any case for one name: MEASURES beside Measures is a second one
    for (java.util.Iterator<Grid> it = others.iterator(); it.hasNext(); ) {
      Grid g = it.next();
      String same = byName.keySet().stream().filter(n -> n.equalsIgnoreCase(g.name()))
          .findFirst().orElse(null);
      if (same != null && !same.equals(g.name())) {
        it.remove();
        out.accept(Diagnostic.of(sheetAt(g), Code.E028, "the workbook has a second sheet named '"
            + same + "' ('" + Diagnostic.clip(g.name()) + "': a sheet's name is one name in any"
            + " case); only '" + same + "' is read", SECOND_SHEET_HINT));
      }
    }
    Map<String, List<Map<String, Grid.Cell>>> rows = new HashMap<>();
    for (SheetLayout.Sheet sheet : SheetLayout.SHEETS) {
      Grid g = byName.get(sheet.name());
      if (g == null) {
        missing(sheet, others);
        continue;
      }
      List<Map<String, Grid.Cell>> r = rows(sheet, g);
      if (r != null) {
        rows.put(sheet.name(), r);
      }
    }
    for (Grid g : others) {
      if (!g.rows().isEmpty() && byName.get(g.name()) == null) {
        out.accept(Diagnostic.of(sheetAt(g), Code.W012, "sheet '" + Diagnostic.clip(g.name())
            + "' is not a sheet of the data-entry workbook; its cells were not read",
            "the sheets read are " + String.join(", ", SheetLayout.SHEETS.stream()
                .map(SheetLayout.Sheet::name).toList()) + ": rename it if it holds their rows;"
                + " notes can go on the 'Read me' sheet, which is not read"));
      }
    }
    List<Map<String, Grid.Cell>> municipalities = rows.get(SheetLayout.MUNICIPALITIES);
    if (municipalities == null) {
      return List.of();
    }
    List<Doc> docs = new ArrayList<>();
    Map<String, Doc> byId = new HashMap<>();
    for (Map<String, Grid.Cell> row : municipalities) {
      SourceLocation at = rowAt(SheetLayout.MUNICIPALITIES, row);
      List<Entry> entries = new ArrayList<>();
      List<Entry> ext = new ArrayList<>();
      fill(SheetLayout.MUNICIPALITIES, row, List.of("id", "name", "country", "region",
          "population", "type", "as_of"), entries, ext);
      Doc d = new Doc(at, entries);
      d.extensions.addAll(ext);
      docs.add(d);
      Grid.Cell id = row.get("id");
      if (id != null) {
        byId.putIfAbsent(id.text().strip(), d);
      }
    }
    List<Map<String, Grid.Cell>> measures = rows.getOrDefault(SheetLayout.MEASURES, List.of());
    for (Map<String, Grid.Cell> row : measures) {
      Doc d = owner(SheetLayout.MEASURES, row, byId);
      if (d == null) {
        continue;
      }
      Measure m = new Measure(rowAt(SheetLayout.MEASURES, row));
      List<Entry> entries = new ArrayList<>();
      fill(SheetLayout.MEASURES, row, List.of("id", "title", "description", "domain", "instrument",
          "scale", "declared_duration", "status", "successor"), entries, m.extensions);
      for (Entry e : entries) {
        m.own.put(e.key(), e);
      }
      List<Entry> target = new ArrayList<>();
      fill(SheetLayout.MEASURES, row, List.of("groups", "eligibility", "proxy"), target, null);
      Grid.Cell groups = row.get("groups");
      SourceLocation targetAt = groups != null ? at(SheetLayout.MEASURES, groups) : m.at;
      m.own.put("target", new Entry("target", targetAt, new YMap(targetAt, target)));
      List<Entry> period = new ArrayList<>();
      fill(SheetLayout.MEASURES, row, List.of("start", "end"), period, null);
      if (!period.isEmpty()) {
        m.own.put("period", new Entry("period", period.get(0).keyAt(),
            new YMap(period.get(0).keyAt(), period)));
      }
      List<Entry> contact = new ArrayList<>();
      fill(SheetLayout.MEASURES, row, List.of("contact_with"), contact, null);
      if (!contact.isEmpty()) {
        Entry w = contact.get(0);
        m.own.put("contact", new Entry("contact", w.keyAt(),
            new YMap(w.keyAt(), List.of(new Entry("with", w.keyAt(), w.value())))));
      }
      d.measures.add(m);
      Grid.Cell id = row.get("id");
      if (id != null) {
        d.byId.putIfAbsent(id.text().strip(), m);
      }
    }
    attach(rows, SheetLayout.FUNDING, byId, List.of("source", "amount_eur", "note"),
        (m, map) -> m.funding.add(map));
    attach(rows, SheetLayout.SOURCES, byId, List.of("title", "url", "date", "page"),
        (m, map) -> m.sources.add(map));
    attach(rows, SheetLayout.CODINGS, byId, List.of("targeting", "duration", "coder", "note"),
        (m, map) -> m.codings.add(map));
    List<YMap> out = new ArrayList<>();
    for (Doc d : docs) {
      out.add(document(d));
    }
    return out;
  }

  /**
   * Reports a sheet the workbook lacks. A sheet not read that looks like it (its name but for
   * case or a typo, or its key columns in the header row) is an error: its rows would be lost. A
   * required sheet is an error anyway; an optional one a warning, as its rows are all missing.
   */
  private void missing(SheetLayout.Sheet sheet, List<Grid> others) {
    Grid like = null;
    String hint = null;
    List<String> names = others.stream().map(Grid::name).toList();
    String near = names.stream().filter(n -> n.strip().equalsIgnoreCase(sheet.name()))
        .findFirst().orElseGet(() -> Suggest.closest(sheet.name(), names).orElse(null));
    if (near != null) {
      like = others.get(names.indexOf(near));
      hint = Suggest.didYouMean(near) + " (rename the sheet; sheet names are read exactly)";
    } else {
      for (Grid g : others) {
        if (hasColumnsOf(g, sheet)) {
          like = g;
          hint = "sheet '" + Diagnostic.clip(g.name()) + "' has its columns: rename it '"
              + sheet.name() + "'";
          break;
        }
      }
    }
    SourceLocation at = SourceLocation.ofFile(file);
    String message = "the workbook has no sheet '" + sheet.name() + "'";
    if (like != null) {
      // reported here, so not again as a sheet that is not read
      others.remove(like);
      out.accept(Diagnostic.of(at, Code.E028, message, hint));
    } else if (!sheet.optional()) {
      out.accept(Diagnostic.of(at, Code.E028, message,
          "add the sheet; 'polcomp template' writes a workbook with every sheet"));
    } else {
      String none = switch (sheet.name()) {
        case SheetLayout.FUNDING -> "no funding was read";
        case SheetLayout.SOURCES -> "no sources were read";
        default -> "no codings were read";
      };
      out.accept(Diagnostic.of(at, Code.W012, message + ", so " + none, "add the sheet ("
          + sheet.name() + ".csv in a folder of CSV sheets) if the measures have any; 'polcomp"
          + " template' writes it, and kept empty with its header row it says there are none"));
    }
  }

  /** Whether the header row of {@code g} is made of columns of {@code sheet}, its keys among them. */
  private static boolean hasColumnsOf(Grid g, SheetLayout.Sheet sheet) {
    if (g.rows().isEmpty()) {
      return false;
    }
    java.util.Set<String> header = new java.util.HashSet<>();
    for (Grid.Cell c : g.rows().get(0)) {
      header.add(c.text().strip());
    }
    for (Column col : sheet.columns()) {
      if (col.required() && !header.contains(col.key())) {
        return false;
      }
    }
    return sheet.keys().containsAll(header);
  }

  /** The place of a sheet: its first cell, or A1 when it is blank. */
  private SourceLocation sheetAt(Grid g) {
    if (g.rows().isEmpty()) {
      return new SourceLocation(file, 1, 1, g.name());
    }
    return at(g.name(), g.rows().get(0).get(0));
  }

  private void attach(Map<String, List<Map<String, Grid.Cell>>> rows, String sheet,
      Map<String, Doc> byId, List<String> keys,
      java.util.function.BiConsumer<Measure, YMap> add) {
    for (Map<String, Grid.Cell> row : rows.getOrDefault(sheet, List.of())) {
      Doc d = owner(sheet, row, byId);
      if (d == null) {
        continue;
      }
      Grid.Cell ref = row.get("measure_id");
      Measure m = d.byId.get(ref.text().strip());
      if (m == null) {
        String hint = Suggest.didYouMean(ref.text().strip(), d.byId.keySet());
        out.accept(Diagnostic.of(at(sheet, ref), Code.E029,
            "measure '" + Diagnostic.clip(ref.text()) + "' of municipality '"
                + Diagnostic.clip(row.get("municipality_id").text().strip())
                + "' is not on the Measures sheet",
            hint != null ? hint : "add the measure to the Measures sheet, or correct the id"));
        continue;
      }
      List<Entry> entries = new ArrayList<>();
      fill(sheet, row, keys, entries, null);
      add.accept(m, new YMap(rowAt(sheet, row), entries));
    }
  }

  /** The document a row belongs to by its municipality_id, or null (reported). */
  private Doc owner(String sheet, Map<String, Grid.Cell> row, Map<String, Doc> byId) {
    Grid.Cell ref = row.get("municipality_id");
    if (ref == null) {
      out.accept(Diagnostic.of(rowAt(sheet, row), Code.E009,
          "missing required value 'municipality_id' in this row of '" + sheet + "'",
          "name the municipality of the row by its id"));
      return null;
    }
    if (!sheet.equals(SheetLayout.MEASURES) && row.get("measure_id") == null) {
      out.accept(Diagnostic.of(rowAt(sheet, row), Code.E009,
          "missing required value 'measure_id' in this row of '" + sheet + "'",
          "name the measure of the row by its id"));
      return null;
    }
    Doc d = byId.get(ref.text().strip());
    if (d == null) {
      String hint = Suggest.didYouMean(ref.text().strip(), byId.keySet());
      out.accept(Diagnostic.of(at(sheet, ref), Code.E029,
          "municipality '" + Diagnostic.clip(ref.text()) + "' is not on the Municipalities sheet",
          hint != null ? hint : "add the municipality to the Municipalities sheet first"));
    }
    return d;
  }

  private YMap document(Doc d) {
    List<Entry> mun = new ArrayList<>(d.municipality);
    mun.addAll(d.extensions);
    List<YNode> policies = new ArrayList<>();
    for (Measure m : d.measures) {
      List<Entry> e = new ArrayList<>();
      for (String key : PolicyBinder.MEASURE_KEYS) {
        Entry own = m.own.get(key);
        if (own != null) {
          e.add(own);
        } else if (key.equals("funding") && !m.funding.isEmpty()) {
          e.add(new Entry(key, m.funding.get(0).at(), new YSeq(m.funding.get(0).at(), m.funding)));
        } else if (key.equals("sources") && !m.sources.isEmpty()) {
          e.add(new Entry(key, m.sources.get(0).at(), new YSeq(m.sources.get(0).at(), m.sources)));
        } else if (key.equals("coding") && !m.codings.isEmpty()) {
          e.add(coding(m.codings));
        }
      }
      e.addAll(m.extensions);
      policies.add(new YMap(m.at, e));
    }
    List<Entry> doc = new ArrayList<>();
    doc.add(new Entry("municipality", d.at, new YMap(d.at, mun)));
    doc.add(new Entry("policies", d.at, new YSeq(d.at, policies)));
    return new YMap(d.at, doc);
  }

  /**
   * The {@code coding} entry of a measure from its Codings rows: one row is the single map, so
   * that a file with one coding per measure comes back as it was; more rows are the list of maps.
   */
  private static Entry coding(List<YMap> rows) {
    if (rows.size() == 1) {
      return new Entry("coding", rows.get(0).at(), rows.get(0));
    }
    return new Entry("coding", rows.get(0).at(), new YSeq(rows.get(0).at(), List.copyOf(rows)));
  }

  /**
   * The entries of {@code keys} from a row, in that order, each at its cell; blank optional cells
   * are left out, blank required ones are a null at the row. JSON extension fields go to {@code
   * ext}.
   */
  private void fill(String sheetName, Map<String, Grid.Cell> row, List<String> keys,
      List<Entry> into, List<Entry> ext) {
    SheetLayout.Sheet sheet = SheetLayout.sheet(sheetName).orElseThrow();
    for (String key : keys) {
      Column col = sheet.column(key).orElseThrow();
      Grid.Cell cell = row.get(key);
      if (cell == null) {
        if (col.required() || isRequired(sheetName, key)) {
          SourceLocation at = row.containsKey("#" + key)
              ? at(sheetName, row.get("#" + key)) : rowAt(sheetName, row);
          into.add(new Entry(key, at, new YScalar(at, "", ScalarType.NULL)));
        }
        continue;
      }
      SourceLocation at = at(sheetName, cell);
      YNode value = value(sheetName, col, cell, at);
      if (value != null) {
        into.add(new Entry(key, at, value));
      }
    }
    if (ext != null && row.get("extensions") != null) {
      Grid.Cell cell = row.get("extensions");
      YNode json = json(cell, at(sheetName, cell));
      if (json instanceof YMap m) {
        ext.addAll(m.entries());
      }
    }
  }

  /** Values the format requires: a blank cell is reported at the cell, as a YAML null is. */
  private static boolean isRequired(String sheet, String key) {
    return switch (sheet) {
      case SheetLayout.MUNICIPALITIES -> key.equals("name");
      case SheetLayout.MEASURES -> key.equals("title") || key.equals("domain")
          || key.equals("groups");
      case SheetLayout.FUNDING -> key.equals("source");
      case SheetLayout.SOURCES -> key.equals("title");
      default -> false;
    };
  }

  /** A cell as the scalar (or list) YAML would have given for the same text. */
  private YNode value(String sheet, Column col, Grid.Cell cell, SourceLocation at) {
    String text = cell.text();
    if (cell.type() == Grid.Type.ERROR) {
      out.accept(Diagnostic.of(at, Code.E008, "'" + col.key() + "' holds the error value "
          + text, "type the value instead of a formula"));
      return null;
    }
    return switch (col.kind()) {
      case TEXT -> new YScalar(at, text, ScalarType.STRING);
      case VOCABULARY, DATE -> new YScalar(at, text.strip(), ScalarType.STRING);
      case BOOLEAN -> {
        String t = text.strip().toLowerCase(Locale.ROOT);
        yield t.equals("true") || t.equals("false") ? new YScalar(at, t, ScalarType.BOOL)
            : new YScalar(at, text.strip(), ScalarType.STRING);
      }
      case INTEGER, NUMBER -> number(col, cell, at);
      case MULTI -> {
        List<YNode> items = new ArrayList<>();
        for (String part : text.split(";", -1)) {
          if (!part.isBlank()) {
            items.add(new YScalar(at, part.strip(), ScalarType.STRING));
          }
        }
        yield items.isEmpty() ? new YScalar(at, "", ScalarType.NULL) : new YSeq(at, items);
      }
      case JSON -> json(cell, at);
    };
  }

  private YNode number(Column col, Grid.Cell cell, SourceLocation at) {
    String t = cell.text().strip();
    if (cell.type() == Grid.Type.NUMBER || INTEGER.matcher(t).matches()) {
      return new YScalar(at, t, INTEGER.matcher(t).matches() ? ScalarType.INT : ScalarType.FLOAT);
    }
    if (DECIMAL.matcher(t).matches()) {
      return new YScalar(at, t, ScalarType.FLOAT);
    }
    if (LOCAL.matcher(t).matches()) {
      out.accept(Diagnostic.of(at, Code.E008,
          "'" + col.key() + "' must be a number, not '" + Diagnostic.clip(t)
              + "' (a number in a local form)",
          "write it without thousands separators and with a decimal point, e.g. "
              + plainNumber(t)));
      return null;
    }
    return new YScalar(at, t, ScalarType.STRING);
  }

  /** 12.000,50 as 12000.50: the last separator followed by other than three digits is decimal. */
  static String plainNumber(String t) {
    int lastDot = t.lastIndexOf('.');
    int lastComma = t.lastIndexOf(',');
    int dec = Math.max(lastDot, lastComma);
    boolean decimal = dec >= 0 && (t.length() - dec - 1 != 3 || (lastDot >= 0 && lastComma >= 0));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isDigit(c) || c == '-' || c == '+') {
        b.append(c);
      } else if (i == dec && decimal) {
        b.append('.');
      }
    }
    return b.toString();
  }

  /** The extensions cell: a JSON object read as YAML flow, every value placed at the cell. */
  private YNode json(Grid.Cell cell, SourceLocation at) {
    List<Diagnostic> found = new ArrayList<>();
    if (yaml == null) {
      yaml = new YamlReader(limits);
    }
    List<YamlReader.Document> docs = yaml.read(file, cell.text().getBytes(StandardCharsets.UTF_8), found::add);
    boolean failed = false;
    for (Diagnostic d : found) {
      failed |= d.isError();
      out.accept(new Diagnostic(at, d.severity(), d.code(), "in 'extensions': " + d.message(),
          d.hint()));
    }
    if (failed) {
      return null;
    }
    YNode root = docs.size() == 1 ? docs.get(0).root() : null;
    if (!(root instanceof YMap)) {
      out.accept(Diagnostic.of(at, Code.E008,
          "'extensions' must be a JSON object of x- fields, not "
              + (root == null ? "empty" : root.kind()),
          "write {\"x-name\": value, ...}, or leave the cell blank"));
      return null;
    }
    return relocate(root, at);
  }

  private static YNode relocate(YNode n, SourceLocation at) {
    if (n instanceof YMap m) {
      List<Entry> entries = new ArrayList<>();
      for (Entry e : m.entries()) {
        entries.add(new Entry(e.key(), at, relocate(e.value(), at)));
      }
      return new YMap(at, entries);
    }
    if (n instanceof YSeq s) {
      List<YNode> items = new ArrayList<>();
      for (YNode i : s.items()) {
        items.add(relocate(i, at));
      }
      return new YSeq(at, items);
    }
    YScalar s = (YScalar) n;
    return new YScalar(at, s.text(), s.type());
  }

  /**
   * The rows of a sheet by column key, or null when its header lacks a key column (reported).
   * Unknown columns, formulas and merged cells are reported; blank rows are skipped.
   */
  private List<Map<String, Grid.Cell>> rows(SheetLayout.Sheet sheet, Grid g) {
    List<List<Grid.Cell>> rows = g.rows();
    Map<Integer, String> keyOf = new HashMap<>();
    Map<String, Grid.Cell> header = new HashMap<>();
    int headerRow = rows.isEmpty() ? 1 : rows.get(0).get(0).row();
    if (!rows.isEmpty()) {
      for (Grid.Cell c : rows.get(0)) {
        String key = c.text().strip();
        SourceLocation at = at(sheet.name(), c);
        if (c.formula()) {
          formula(at);
        }
        checkLength(c, at);
        if (sheet.column(key).isPresent() && !header.containsKey(key)) {
          keyOf.put(c.column(), key);
          header.put(key, c);
        } else if (header.containsKey(key)) {
          out.accept(Diagnostic.of(at, Code.E028, "column '" + Diagnostic.clip(key)
              + "' appears twice on sheet '" + sheet.name() + "'", "delete one of the columns"));
        } else {
          String hint = Suggest.didYouMean(key, sheet.keys());
          out.accept(Diagnostic.of(at, Code.E028, "unknown column '" + Diagnostic.clip(key)
              + "' on sheet '" + sheet.name() + "'",
              hint != null ? hint : "known columns: " + String.join(", ", sheet.keys())
                  + "; put your own fields in 'extensions' as JSON"));
        }
      }
    }
    boolean complete = true;
    for (Column col : sheet.columns()) {
      if (col.required() && !header.containsKey(col.key())) {
        out.accept(Diagnostic.of(new SourceLocation(file, headerRow, 1, sheet.name()), Code.E028,
            "sheet '" + sheet.name() + "' has no column '" + col.key() + "'",
            "add the column '" + col.key() + "' to the header row"));
        complete = false;
      }
    }
    for (Grid.Merge m : g.merges()) {
      out.accept(Diagnostic.of(new SourceLocation(file, m.firstRow(), m.firstColumn(),
          sheet.name()), Code.E028, "cells " + m.range() + " of sheet '" + sheet.name()
          + "' are merged; only the first holds a value", "unmerge the cells and type the value"
          + " in each row"));
    }
    if (!complete) {
      return null;
    }
    java.util.Set<Integer> headed = new java.util.HashSet<>();
    if (!rows.isEmpty()) {
      rows.get(0).forEach(c -> headed.add(c.column()));
    }
    java.util.Set<Integer> reported = new java.util.HashSet<>();
    List<Map<String, Grid.Cell>> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      Map<String, Grid.Cell> row = new HashMap<>();
      for (Grid.Cell c : rows.get(i)) {
        String key = keyOf.get(c.column());
        if (c.formula()) {
          formula(at(sheet.name(), c));
        }
        boolean blank = c.type() == Grid.Type.TEXT && c.text().isBlank();
        if (!blank) {
          checkLength(c, at(sheet.name(), c));
        }
        if (key != null && !blank) {
          row.put(key, c);
        } else if (!blank && !headed.contains(c.column()) && reported.add(c.column())) {
          // a value under no header cell would be lost; an unknown header is reported above
          this.out.accept(Diagnostic.of(at(sheet.name(), c), Code.E028, "a value in a column"
              + " without a header on sheet '" + sheet.name() + "'", "give the column one of"
              + " the headers " + String.join(", ", sheet.keys()) + ", put the value in"
              + " 'extensions' as JSON, or delete it"));
        }
      }
      if (!row.isEmpty()) {
        // Where a blank required cell of the row stands: its column in this row.
        int r = rows.get(i).get(0).row();
        header.forEach((key, h) -> {
          if (!row.containsKey(key)) {
            row.put("#" + key, new Grid.Cell(r, h.column(), Grid.Type.TEXT, "", false));
          }
        });
        out.add(row);
      }
    }
    return out;
  }

  /** E005 for a cell longer than the limit, as for a YAML string: the file written must pass. */
  private void checkLength(Grid.Cell c, SourceLocation at) {
    if (c.text().length() > limits.maxStringLength()) {
      out.accept(YamlReader.tooLong(at, c.text().length(), limits));
    }
  }

  private void formula(SourceLocation at) {
    out.accept(Diagnostic.of(at, Code.W011, "the cell holds a formula; its last computed value"
        + " was read", "type the value itself: a formula is computed only by a spreadsheet"));
  }

  private SourceLocation at(String sheet, Grid.Cell c) {
    return new SourceLocation(file, c.row(), c.column(), sheet);
  }

  /** The place of a row: its first cell. */
  private SourceLocation rowAt(String sheet, Map<String, Grid.Cell> row) {
    int r = Integer.MAX_VALUE;
    int c = Integer.MAX_VALUE;
    for (Map.Entry<String, Grid.Cell> e : row.entrySet()) {
      if (!e.getKey().startsWith("#")) {
        Grid.Cell cell = e.getValue();
        r = Math.min(r, cell.row());
        c = Math.min(c, cell.column());
      }
    }
    return new SourceLocation(file, r == Integer.MAX_VALUE ? 1 : r,
        c == Integer.MAX_VALUE ? 1 : c, sheet);
  }
}
