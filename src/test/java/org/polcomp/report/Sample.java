package org.polcomp.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Small synthetic reports for the writer tests. */
public final class Sample {
  private Sample() {}

  /** A row of a schema from key/value pairs; columns not named are empty. */
  public static List<Object> row(TableSchema schema, Object... keysAndValues) {
    Object[] cells = new Object[schema.columns().size()];
    for (int i = 0; i < keysAndValues.length; i += 2) {
      int col = schema.indexOf((String) keysAndValues[i]);
      if (col < 0) {
        throw new IllegalArgumentException("no column " + keysAndValues[i]);
      }
      cells[col] = keysAndValues[i + 1];
    }
    return Arrays.asList(cells);
  }

  /** A report with every table of {@code polcomp compare}, {@code measures} measure rows. */
  public static Report report(int measures) {
    List<List<Object>> municipalities = List.of(
        municipality("ams", "Amsterdam", "NL", 10, 7, 3, 6, 4, 4L, 3L, 2L, 1L, 0.7, 0.6,
            "https://www.amsterdam.nl/"),
        municipality("gdn", "Gda\u0144sk", "PL", 4, 1, 3, 1, 3, 1L, 0L, 0L, 3L, 0.25, 0.25, null),
        municipality("zzz", "=1+1", "DE", 0, 0, 0, 0, 0, 0L, 0L, 0L, 0L, null, null, null));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("as_of", null);
    options.put("group_by", "country");
    options.put("codebook", "default");
    options.put("prefer_coded", false);
    List<Map.Entry<String, String>> about = List.of(
        Map.entry("command", "polcomp compare policies -o out.xlsx"),
        Map.entry("files", "3"),
        Map.entry("sha256", "0f343b0931126a20f133d67c2b018a3b"));
    return new Report("0.1.0-test", options, about, List.of(
        Columns.MUNICIPALITIES.with(municipalities),
        Columns.MEASURES.with(measures(measures)),
        Columns.DOMAINS.with(List.of(
            row(Columns.DOMAINS, "municipality_id", "ams", "municipality", "Amsterdam",
                "domain", "education", "measures", 3L, "mainstreamed", 2L, "target_group", 1L,
                "structural", 2L, "temporary", 1L, "mainstreaming_share", 2.0 / 3,
                "structural_share", 2.0 / 3))),
        Columns.TYPOLOGY.with(List.of(
            row(Columns.TYPOLOGY, "group_by", null, "group", "all", "municipalities", 3L,
                "measures", 14L, "mainstreamed_structural", 5L, "mainstreamed_temporary", 3L,
                "target_group_structural", 2L, "target_group_temporary", 4L, "unclassified", 0L,
                "mainstreaming_share", 8.0 / 14, "structural_share", 0.5),
            row(Columns.TYPOLOGY, "group_by", "country", "group", "NL", "municipalities", 1L,
                "measures", 10L, "mainstreaming_share", 0.7, "structural_share", 0.6))),
        Columns.TIMELINE.with(List.of(
            row(Columns.TIMELINE, "municipality_id", "ams", "municipality", "Amsterdam",
                "year", 2016L, "active", 2L, "mainstreamed", 1L, "target_group", 1L,
                "structural", 0L, "temporary", 2L))),
        Columns.AGREEMENT.with(List.of(
            row(Columns.AGREEMENT, "axis", "targeting", "coded", 5L, "agreements", 4L,
                "observed_agreement", 0.8, "cohens_kappa", 0.5454545454545454),
            row(Columns.AGREEMENT, "axis", "duration", "coded", 0L, "agreements", 0L))),
        Columns.ISSUES.with(List.of(
            row(Columns.ISSUES, "file", "policies/nl/amsterdam.yaml", "line", 12L, "column", 7L,
                "severity", "warning", "code", "W003", "message", "-measure without sources")))),
        Columns.CODEBOOK.with(List.of(
            row(Columns.CODEBOOK, "rule", "D3", "id", "living-lab", "weight", -2.0,
                "description", "instrument: a living lab"),
            row(Columns.CODEBOOK, "rule", "T3", "id", "mixed_eligibility",
                "description", "mainstreamed"))));
  }

  private static List<Object> municipality(String id, String name, String country, long measures,
      long mainstreamed, long targetGroup, long structural, long temporary, long ms, long mt,
      long ts, long tt, Double share, Double structuralShare, String file) {
    return row(Columns.MUNICIPALITIES, "municipality_id", id, "municipality", name,
        "country", country, "region", id.equals("gdn") ? "+pomorskie" : null,
        "population", id.equals("ams") ? 921402L : null, "as_of", "2020-01",
        "measures", measures, "mainstreamed", mainstreamed, "target_group", targetGroup,
        "unclassified_targeting", 0L, "structural", structural, "temporary", temporary,
        "unclassified_duration", 0L, "mainstreamed_structural", ms, "mainstreamed_temporary", mt,
        "target_group_structural", ts, "target_group_temporary", tt,
        "mainstreaming_share", share, "structural_share", structuralShare,
        "budget_eur", 1234567.5, "profile", "mainstreamed-structural", "contact_measures", 1L,
        "contact_with_earlier_migrants", 0L, "experiments", 2, "experiments_upscaled", 1,
        "file", file == null ? "policies/" + id + ".yaml" : file);
  }

  /** Measure rows made one at a time, as a large dataset would be. */
  public static Iterable<List<Object>> measures(int count) {
    return () -> new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public List<Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return measure(i++);
      }
    };
  }

  /** Measure {@code i}: every fifth has extensions, the first ones carry the tricky values. */
  public static List<Object> measure(int i) {
    Map<String, Object> ext = new LinkedHashMap<>();
    if (i % 5 == 0) {
      ext.put("x-budget-line", "B" + i);
      ext.put("x-tags", new ArrayList<>(List.of("pilot", 2L)));
    }
    String url = switch (i % 4) {
      case 0 -> "https://example.org/m/" + i;
      case 1 -> "ftp://example.org/m/" + i;
      case 2 -> "not a url";
      default -> null;
    };
    String title = switch (i) {
      case 0 -> "=HYPERLINK(\"http://evil\")";
      case 1 -> "-2";
      case 2 -> "@SUM(A1)";
      case 3 -> "Language, \"caf\u00e9\"\nsecond line";
      default -> "Measure " + i;
    };
    return row(Columns.MEASURES, "municipality_id", i % 2 == 0 ? "ams" : "gdn",
        "municipality", i % 2 == 0 ? "Amsterdam" : "Gda\u0144sk",
        "measure_id", "m" + i, "title", title, "domain", "education",
        "target_groups", "refugees; newcomers", "instrument", "living-lab", "scale", "city",
        "start", "2016-11", "end", i % 3 == 0 ? "open" : "2018-10-31",
        "funding_sources", "eu; municipal-regular", "funding_eur", i % 3 == 0 ? null : 3400000.0,
        "status", "ended", "targeting", "mainstreamed", "duration", "temporary",
        "quadrant", "mainstreamed-temporary", "duration_score", -8.0 + i % 3 * 0.125,
        "confidence", 1.0 / (1 + i % 3),
        "reasons", "D2 end date 2018-10-31 (-2); D3 living-lab (-2)",
        "targeting_coded", i % 2 == 0 ? "mainstreamed" : null,
        "duration_coded", i % 2 == 0 ? "structural" : null,
        "coding_agrees", i % 2 == 0 ? Boolean.FALSE : null,
        "source_url", url, "file", "policies/m.yaml", "line", 10L + i,
        "extensions", ext.isEmpty() ? null : ext);
  }
}
