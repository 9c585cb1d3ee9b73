package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON layout of the validate reports: two-space indent, {@code "key": value}, empty
 * arrays as {@code []}, {@code \n} line ends whatever the platform, non-ASCII written as is (the
 * report is UTF-8), and a final newline.
 */
final class JsonOutput {
  private JsonOutput() {}

  // Jackson's default indenter uses the platform's line separator: pin \n for the same bytes
  // everywhere.
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

  private static final ObjectWriter WRITER = JsonMapper.builder().build()
      .writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectNameValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(INDENT)
          .withArrayIndenter(INDENT));

  /**
   * Writes what {@code body} generates to {@code out}, then a newline. The JSON is built in
   * memory first so that a failing {@code out} surfaces as the IOException it is, not wrapped in
   * Jackson's unchecked exception; {@code out} is flushed, not closed.
   */
  static void write(Writer out, Consumer<JsonGenerator> body) throws IOException {
    StringWriter buf = new StringWriter();
    try (JsonGenerator g = WRITER.createGenerator(buf)) {
      body.accept(g);
    }
    out.write(buf.toString());
    out.write('\n');
    out.flush();
  }
}
