package org.polcomp.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a report as one pretty-printed JSON object: {@code "polcomp"} (the version),
 * {@code "options"}, then one array per table, each row an object keyed by the column keys.
 * Numbers are numbers, empty cells {@code null}, a row's extension fields an object under
 * {@code "extensions"} (other JSON-only columns, such as a measure's {@code "codings"}, appear only
 * when they have a value). Streamed row by row; the same report gives the same bytes.
 */
public final class JsonWriter implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String EXTENSIONS = "extensions";

  @Override
  public void write(Report report, Path target) throws IOException {
    AtomicFile.write(target, out -> write(report, out));
  }

  /** Writes the report to a stream, which stays open. */
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(new Pretty(), new Unclosed(out))) {
      write(report, g);
    } catch (JacksonIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private static void write(Report report, JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("polcomp", report.toolVersion());
    g.writeName("options");
    writeValue(g, report.options());
    for (Table table : report.tables()) {
      g.writeName(table.key());
      writeRows(g, table);
    }
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static void writeRows(JsonGenerator g, Table table) {
    List<Column> columns = table.columns();
    g.writeStartArray();
    long index = 0;
    for (List<Object> row : table.rows()) {
      g.writeStartObject();
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        Object v = Cells.value(table, index, row, i);
        // a JSON-only column other than the x- fields (always an object) is left out when empty
        if (c.type() == ColumnType.EXTENSIONS && v == null && !c.key().equals(EXTENSIONS)) {
          continue;
        }
        g.writeName(c.key());
        if (c.type() == ColumnType.EXTENSIONS && v == null) {
          g.writeStartObject();
          g.writeEndObject();
        } else {
          writeValue(g, v);
        }
      }
      g.writeEndObject();
      index++;
    }
    g.writeEndArray();
  }

  /** A JSON-like value: null, string, boolean, number, list or map (recursively). */
  static void writeValue(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b.toString());
    } else if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        g.writeNumber(Cells.number(d.doubleValue()));
      } else {
        g.writeNull();
      }
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : Cells.ordered(m).entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else {
      // anything else (a date, say) as its text
      g.writeString(v.toString());
    }
  }

  /** Two-space indentation, {@code "key": value}, {@code \n} on every platform. */
  static final class Pretty extends ObjectWriteContext.Base {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new Indented();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

  /**
   * What Jackson's DefaultPrettyPrinter writes with a two-space {@code \n} indenter for objects and
   * arrays, a space after the colon, and nothing inside an empty object or array
   * ({@code JsonWriterTest} holds the two side by side). Written out because making a
   * DefaultPrettyPrinter links string concatenations inside Jackson by bootstrap methods that
   * generate classes, a fortieth of a short run. One per generator: it counts the nesting.
   */
  static final class Indented implements PrettyPrinter {
    // a line end and the indentation of the first levels, written as a slice
    private static final String INDENTS = "\n" + " ".repeat(64);
    private int nesting;

    private void indent(JsonGenerator g) {
      int spaces = 2 * nesting;
      if (spaces < INDENTS.length()) {
        g.writeRaw(INDENTS, 0, 1 + spaces);
        return;
      }
      g.writeRaw('\n');
      for (; spaces > 0; spaces -= 64) {
        g.writeRaw(INDENTS, 1, Math.min(spaces, 64));
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
      nesting++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      indent(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(',');
      indent(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      nesting--;
      if (entries > 0) {
        indent(g);
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      g.writeRaw('[');
      nesting++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      indent(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(',');
      indent(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      nesting--;
      if (values > 0) {
        indent(g);
      }
      g.writeRaw(']');
    }
  }
}
