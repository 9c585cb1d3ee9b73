package org.polcomp.report.sheets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.polcomp.load.FormatSchema;
import org.polcomp.model.Coding;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;
import org.polcomp.model.Vocabulary;

/**
 * A municipality as a policy file (FORMAT.md): the schema comment first, keys in the format's
 * order, optional keys left out when empty, lists in their order. The same municipality gives
 * the same bytes.
 */
public final class PolicyYaml {
  private PolicyYaml() {}

  /** Text that a YAML 1.2 reader takes for text when written plain, e.g. titles and ids. */
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9_(\\p{L}][^\\n\\r\\t:#\\[\\]{},\"]*");
  private static final Pattern NOT_TEXT = Pattern.compile(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final Set<String> WORDS = Set.of("true", "false", "null", "yes", "no", "on",
      "off", "y", "n", "~", "True", "False", "TRUE", "FALSE", "Null", "NULL", "Yes", "No", "On",
      "Off", "YES", "NO", "ON", "OFF", "Y", "N");

  /** The file of {@code m}. */
  public static String text(Municipality m) {
    StringBuilder b = new StringBuilder();
    b.append(FormatSchema.MODELINE).append('\n');
    b.append("format: ").append(Vocabulary.FORMAT).append('\n');
    b.append("municipality:\n");
    key(b, 2, "id", m.id());
    key(b, 2, "name", m.name());
    key(b, 2, "country", m.country());
    key(b, 2, "region", m.region());
    if (m.population() != null) {
      b.append("  population: ").append(m.population()).append('\n');
    }
    key(b, 2, "type", m.type());
    if (m.asOf() != null) {
      b.append("  as_of: ").append(m.asOf()).append('\n');
    }
    extensions(b, 2, m.extensions());
    if (m.measures().isEmpty()) {
      b.append("policies: []\n");
      return b.toString();
    }
    b.append("policies:\n");
    for (Measure x : m.measures()) {
      measure(b, x);
    }
    return b.toString();
  }

  private static void measure(StringBuilder b, Measure m) {
    b.append("  - id: ").append(scalar(m.id())).append('\n');
    key(b, 4, "title", m.title());
    key(b, 4, "description", m.description());
    key(b, 4, "domain", m.domain());
    b.append("    target:\n");
    b.append("      groups: ").append(list(m.target().groups())).append('\n');
    key(b, 6, "eligibility", m.target().eligibility());
    if (m.target().proxy()) {
      b.append("      proxy: true\n");
    }
    key(b, 4, "instrument", m.instrument());
    key(b, 4, "scale", m.scale());
    if (m.period().start() != null || m.period().endText() != null) {
      b.append("    period:\n");
      if (m.period().start() != null) {
        b.append("      start: ").append(m.period().start()).append('\n');
      }
      if (m.period().endText() != null) {
        b.append("      end: ").append(m.period().endText()).append('\n');
      }
    }
    key(b, 4, "declared_duration", m.declaredDuration());
    if (!m.funding().isEmpty()) {
      b.append("    funding:\n");
      for (Funding f : m.funding()) {
        b.append("      - source: ").append(scalar(f.source())).append('\n');
        if (f.amountEur() != null) {
          b.append("        amount_eur: ").append(amount(f.amountEur())).append('\n');
        }
        key(b, 8, "note", f.note());
      }
    }
    key(b, 4, "status", m.status());
    key(b, 4, "successor", m.successor());
    if (!m.contactWith().isEmpty()) {
      b.append("    contact:\n      with: ").append(list(m.contactWith())).append('\n');
    }
    if (!m.sources().isEmpty()) {
      b.append("    sources:\n");
      for (Source s : m.sources()) {
        b.append("      - title: ").append(scalar(s.title())).append('\n');
        key(b, 8, "url", s.url());
        if (s.date() != null) {
          b.append("        date: ").append(s.date()).append('\n');
        }
        key(b, 8, "page", s.page());
      }
    }
    // One coding stays the single map it was so that single-coder files round-trip unchanged;
    // several are the list of maps.
    List<Coding> codings = m.codings();
    if (codings.size() == 1) {
      b.append("    coding:");
      coding(b, 6, "", codings.get(0));
    } else if (!codings.isEmpty()) {
      b.append("    coding:\n");
      for (Coding c : codings) {
        b.append("      -");
        coding(b, 8, "- ", c);
      }
    }
    extensions(b, 4, m.extensions());
  }

  /**
   * One coding after its {@code coding:} key or list dash: {@code {}} when empty, else its keys,
   * the first on the dash's line when {@code dash} is not empty.
   */
  private static void coding(StringBuilder b, int indent, String dash, Coding c) {
    if (c.targeting() == null && c.duration() == null && c.coder() == null && c.note() == null) {
      b.append(" {}\n");
      return;
    }
    StringBuilder body = new StringBuilder();
    if (c.targeting() != null) {
      body.append(" ".repeat(indent)).append("targeting: ").append(c.targeting().label())
          .append('\n');
    }
    if (c.duration() != null) {
      body.append(" ".repeat(indent)).append("duration: ").append(c.duration().label())
          .append('\n');
    }
    key(body, indent, "coder", c.coder());
    key(body, indent, "note", c.note());
    if (dash.isEmpty()) {
      b.append('\n').append(body);
    } else {
      // The first key goes on the dash's line: strip its indentation.
      b.append(' ').append(body, indent, body.length());
    }
  }

  private static void extensions(StringBuilder b, int indent, Map<String, Object> ext) {
    for (Map.Entry<String, Object> e : ext.entrySet()) {
      b.append(" ".repeat(indent)).append(scalar(e.getKey())).append(": ")
          .append(Json.of(e.getValue())).append('\n');
    }
  }

  private static void key(StringBuilder b, int indent, String key, String value) {
    if (value != null) {
      b.append(" ".repeat(indent)).append(key).append(": ").append(scalar(value)).append('\n');
    }
  }

  private static String list(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i > 0 ? ", " : "").append(scalar(values.get(i)));
    }
    return b.append(']').toString();
  }

  /** An amount as written: whole euros without a point, others in plain decimal form. */
  static String amount(double v) {
    if (!Double.isFinite(v)) {
      return v > 0 ? ".inf" : v < 0 ? "-.inf" : ".nan";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).toPlainString();
  }

  /** Text plain when YAML reads it back as the same text, else double-quoted. */
  static String scalar(String s) {
    boolean plain = PLAIN.matcher(s).matches() && !s.endsWith(" ") && !s.contains(" -")
        && !s.startsWith("-") && !WORDS.contains(s) && !NOT_TEXT.matcher(s).matches()
        && !s.contains("  ");
    if (plain) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    Json.string(s, b);
    return b.toString();
  }
}
