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
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

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
  private static void writeValue(JsonGenerator g, Object v) {
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
  private static final class Pretty extends ObjectWriteContext.Base {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      return new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectNameValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(indenter)
          .withArrayIndenter(indenter);
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

}
