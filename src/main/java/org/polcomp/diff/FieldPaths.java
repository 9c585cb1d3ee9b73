package org.polcomp.diff;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.polcomp.model.Coding;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;

/**
 * The fields of a measure or municipality as paths the file writes ({@code funding[0].source})
 * and their values as text, sorted in the file format's key order, so that two versions compare
 * path by path and their changes list in the order a reader finds them in the file.
 */
final class FieldPaths {
  private FieldPaths() {}

  /** One field: where it sorts, its path, its value. */
  record Field(String order, String path, String value) {}

  /** The fields of a measure (its id excepted), by order key. */
  static Map<String, Field> of(Measure m) {
    Fields f = new Fields();
    f.put(1, "title", m.title());
    f.put(2, "description", m.description());
    f.put(3, "domain", m.domain());
    f.put(4, 0, 0, "target.groups", join(m.target().groups()));
    f.put(4, 0, 1, "target.eligibility", m.target().eligibility());
    f.put(4, 0, 2, "target.proxy", Boolean.toString(m.target().proxy()));
    f.put(5, "instrument", m.instrument());
    f.put(6, "scale", m.scale());
    f.put(7, 0, 0, "period.start", text(m.period().start()));
    f.put(7, 0, 1, "period.end", m.period().endText());
    f.put(8, "declared_duration", m.declaredDuration());
    for (int i = 0; i < m.funding().size(); i++) {
      Funding fu = m.funding().get(i);
      String at = "funding[" + i + "].";
      f.put(9, i, 0, at + "source", fu.source());
      f.put(9, i, 1, at + "amount_eur", fu.amountEur() == null ? null : number(fu.amountEur()));
      f.put(9, i, 2, at + "note", fu.note());
    }
    f.put(10, "status", m.status());
    f.put(11, "successor", m.successor());
    f.put(12, "contact.with", join(m.contactWith()));
    for (int i = 0; i < m.sources().size(); i++) {
      Source s = m.sources().get(i);
      String at = "sources[" + i + "].";
      f.put(13, i, 0, at + "title", s.title());
      f.put(13, i, 1, at + "url", s.url());
      f.put(13, i, 2, at + "date", text(s.date()));
      f.put(13, i, 3, at + "page", s.page());
    }
    // one coding reads as the file's single map writes it (coding.duration), several by place
    List<Coding> codings = m.codings();
    for (int i = 0; i < codings.size(); i++) {
      Coding c = codings.get(i);
      String at = codings.size() == 1 ? "coding." : "coding[" + i + "].";
      f.put(14, i, 0, at + "targeting", c.targeting() == null ? null : c.targeting().label());
      f.put(14, i, 1, at + "duration", c.duration() == null ? null : c.duration().label());
      f.put(14, i, 2, at + "coder", c.coder());
      f.put(14, i, 3, at + "note", c.note());
    }
    extensions(f, m.extensions());
    return f.fields;
  }

  /** The fields of a municipality (its id and measures excepted), by order key. */
  static Map<String, Field> of(Municipality m) {
    Fields f = new Fields();
    f.put(1, "name", m.name());
    f.put(2, "country", m.country());
    f.put(3, "region", m.region());
    f.put(4, "population", m.population() == null ? null : m.population().toString());
    f.put(5, "type", m.type());
    f.put(6, "as_of", text(m.asOf()));
    extensions(f, m.extensions());
    return f.fields;
  }

  // x- fields follow the format's own keys, in the order of their names
  private static void extensions(Fields f, Map<String, Object> extensions) {
    for (Map.Entry<String, Object> e : new TreeMap<>(extensions).entrySet()) {
      plain(f, e.getKey(), e.getKey(), e.getValue());
    }
  }

  // a plain value of an x- field: maps and lists open up into paths
  private static void plain(Fields f, String order, String path, Object v) {
    if (v instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      sorted.forEach((k, x) -> plain(f, order + "." + k, path + "." + k, x));
    } else if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        plain(f, order + String.format(Locale.ROOT, "[%08d]", i), path + "[" + i + "]",
            list.get(i));
      }
    } else if (v != null) {
      f.fields.put("99" + order, new Field("99" + order, path,
          v instanceof Double d ? number(d) : String.valueOf(v)));
    }
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? null : String.join("; ", values);
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  /** A number as written, without exponent or trailing zeros ({@code 120000}, {@code 2.5}). */
  static String number(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** The fields of one record, keyed so that a TreeMap sorts them in file order. */
  private static final class Fields {
    final Map<String, Field> fields = new TreeMap<>();

    void put(int key, String path, String value) {
      put(key, 0, 0, path, value);
    }

    void put(int key, int index, int sub, String path, String value) {
      if (value == null) {
        return;
      }
      String order = String.format(Locale.ROOT, "%02d%08d%02d", key, index, sub);
      fields.put(order, new Field(order, path, value));
    }
  }
}
