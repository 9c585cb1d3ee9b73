package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 with one run: the driver {@code polcomp} lists every {@link Code} as a rule (in code
 * order, so {@code ruleIndex} is the code's ordinal), and each diagnostic is a result that points
 * at its file, line and column.
 */
final class SarifReport implements DiagnosticFormat.DiagnosticWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    JsonOutput.write(out, g -> {
      g.writeStartObject();
      g.writeStringProperty("$schema", SCHEMA);
      g.writeStringProperty("version", "2.1.0");
      g.writeArrayPropertyStart("runs");
      g.writeStartObject();
      g.writeObjectPropertyStart("tool");
      g.writeObjectPropertyStart("driver");
      g.writeStringProperty("name", "polcomp");
      g.writeStringProperty("version", s.toolVersion());
      g.writeArrayPropertyStart("rules");
      for (Code c : Code.values()) {
        rule(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      // The YAML reader counts columns in code points, not SARIF's default UTF-16 units.
      g.writeStringProperty("columnKind", "unicodeCodePoints");
      g.writeArrayPropertyStart("results");
      for (Diagnostic d : diagnostics) {
        result(g, d);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void rule(JsonGenerator g, Code c) {
    g.writeStartObject();
    g.writeStringProperty("id", c.id());
    g.writeStringProperty("name", c.ruleName());
    g.writeObjectPropertyStart("shortDescription");
    g.writeStringProperty("text", c.summary());
    g.writeEndObject();
    g.writeObjectPropertyStart("defaultConfiguration");
    g.writeStringProperty("level", c.severity().label());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(JsonGenerator g, Diagnostic d) {
    g.writeStartObject();
    g.writeStringProperty("ruleId", d.code().id());
    g.writeNumberProperty("ruleIndex", d.code().ordinal());
    g.writeStringProperty("level", d.severity().label());
    g.writeObjectPropertyStart("message");
    g.writeStringProperty("text",
        d.hint() == null ? d.located() : d.located() + "\nhint: " + d.hint());
    g.writeEndObject();
    g.writeArrayPropertyStart("locations");
    g.writeStartObject();
    g.writeObjectPropertyStart("physicalLocation");
    g.writeObjectPropertyStart("artifactLocation");
    g.writeStringProperty("uri", uri(d.file()));
    g.writeEndObject();
    // SARIF lines and columns start at 1; line 0 means the whole file, so no region.
    if (d.line() > 0) {
      g.writeObjectPropertyStart("region");
      g.writeNumberProperty("startLine", d.line());
      if (d.column() > 0) {
        g.writeNumberProperty("startColumn", d.column());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * A file path as a URI reference: a relative path stays relative (code scanning resolves it
   * against the repository root), an absolute one becomes a {@code file:} URI. Forward slashes;
   * everything but unreserved characters, sub-delimiters, {@code @} and {@code /} is
   * percent-encoded as UTF-8, and so is {@code :}, which in a relative reference could read as a
   * scheme.
   */
  static String uri(String path) {
    String p = path.replace('\\', '/');
    String prefix = "";
    if (p.startsWith("/")) {
      prefix = "file://";
    } else if (p.length() >= 3 && p.charAt(1) == ':' && p.charAt(2) == '/'
        && Character.isLetter(p.charAt(0))) {
      // A Windows drive path: C:/x -> file:///C:/x, the colon kept as the drive separator.
      prefix = "file:///" + p.substring(0, 2);
      p = p.substring(2);
    }
    StringBuilder b = new StringBuilder(prefix);
    for (byte x : p.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
