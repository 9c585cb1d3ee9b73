package org.polcomp.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.Limits;
import org.polcomp.load.LineageLoader;
import org.polcomp.load.PolicyBinder;
import org.polcomp.load.YamlReader;
import org.polcomp.model.Lineage;
import org.polcomp.model.Locations;
import org.polcomp.model.Municipality;
import org.polcomp.model.PartialDate;

/** W009: a municipality code that had merged by the file's as_of date, or by today. */
class LineageCheckTest {
  private static final Lineage TABLE = new LineageLoader(Limits.DEFAULT).builtIn();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final SourceLocation ID_AT = new SourceLocation("p/cuijk.yaml", 22, 7);

  private static Municipality municipality(String id, String asOf) {
    return new Municipality(id, "name", "NL", null, null, null,
        asOf == null ? null : PartialDate.parse(asOf).orElseThrow(), List.of(), Map.of(),
        "p/cuijk.yaml", 1, new Locations(SourceLocation.ofFile("p/cuijk.yaml"),
            Map.of("id", ID_AT)));
  }

  private static List<Diagnostic> check(Municipality m, LocalDate today) {
    List<Diagnostic> out = new ArrayList<>();
    LineageCheck.check(m, TABLE, today, out::add);
    return out;
  }

  @Test
  void cuijkAfterTheMergerIsWarnedAtItsId() {
    List<Diagnostic> d = check(municipality("GM1684", "2023-05"), TODAY);
    assertEquals(1, d.size());
    Diagnostic w = d.get(0);
    assertEquals(Code.W009, w.code());
    assertEquals(ID_AT, w.location());
    assertTrue(w.message().startsWith(
        "GM1684 (Cuijk) was merged into GM1982 (Land van Cuijk) on 2022-01-01"), w.message());
    assertTrue(w.message().contains("as_of date 2023-05"), w.message());
    assertTrue(w.hint().contains("2021-12-31") && w.hint().contains("GM1982"), w.hint());
  }

  @Test
  void asOfIsReadAsItsFirstDay() {
    assertEquals(List.of(), check(municipality("GM1684", "2021-12-31"), TODAY));
    assertEquals(List.of(), check(municipality("GM1684", "2021-12"), TODAY));
    assertEquals(List.of(), check(municipality("GM1684", "2021"), TODAY));
    assertEquals(1, check(municipality("GM1684", "2022"), TODAY).size());
    assertEquals(1, check(municipality("GM1684", "2022-01-01"), TODAY).size());
    // Weesp joined Amsterdam on 2022-03-24: March 2022 begins before that.
    assertEquals(List.of(), check(municipality("GM0457", "2022-03"), TODAY));
    assertEquals(1, check(municipality("GM0457", "2022-04"), TODAY).size());
  }

  @Test
  void withoutAsOfTodayDecides() {
    List<Diagnostic> d = check(municipality("GM1684", null), TODAY);
    assertEquals(1, d.size());
    assertTrue(d.get(0).message().endsWith("no longer valid today (the file has no as_of date)"),
        d.get(0).message());
    assertEquals(List.of(), check(municipality("GM1684", null), LocalDate.of(2021, 6, 1)));
  }

  @Test
  void validAndUnknownCodesAreLeftAlone() {
    assertEquals(List.of(), check(municipality("GM0363", null), TODAY));
    assertEquals(List.of(), check(municipality("GM1982", "2022"), TODAY));
    assertEquals(List.of(), check(municipality("DE09162000", "2020"), TODAY));
    // Land van Cuijk before it existed is not a retired code.
    assertEquals(List.of(), check(municipality("GM1982", "2020"), TODAY));
  }

  @Test
  void harenAndTenBoerIntoGroningen() {
    for (String code : List.of("GM0017", "GM0009")) {
      List<Diagnostic> d = check(municipality(code, "2019"), TODAY);
      assertEquals(1, d.size(), code);
      assertTrue(d.get(0).message().contains("was merged into GM0014 (Groningen) on 2019-01-01"),
          d.get(0).message());
    }
    assertEquals(List.of(), check(municipality("GM0017", "2018"), TODAY));
  }

  @Test
  void aCodeMergedTwiceNamesEveryStep() {
    Diagnostic w = check(municipality("GM0001", "2020"), TODAY).get(0);
    assertTrue(w.message().startsWith("GM0001 (Adorp) was merged into GM0053 (Winsum) on"
        + " 1990-01-01, and GM0053 into GM1966 (Het Hogeland) on 2019-01-01"), w.message());
    assertTrue(w.hint().contains("under GM1966"), w.hint());
    // In 2000 only the first merger had happened.
    Diagnostic early = check(municipality("GM0001", "2000"), TODAY).get(0);
    assertTrue(!early.message().contains("GM1966"), early.message());
  }

  @Test
  void aCodeWithoutSuccessorSaysSo() {
    Diagnostic w = check(municipality("GM0788", "2021-06"), TODAY).get(0);
    assertTrue(w.message().startsWith("GM0788 (Haaren) ceased to exist on 2021-01-01"),
        w.message());
  }

  /** Through the loader: the warning points at the line and column of the id in the file. */
  @Test
  void theWarningIsLocatedAtTheIdOfTheFile() {
    String yaml = """
        format: polcomp/1
        municipality:
          name: Cuijk
          id: GM1684
        policies: []
        """;
    List<Diagnostic> binding = new ArrayList<>();
    var doc = new YamlReader(Limits.DEFAULT)
        .read("cuijk.yaml", yaml.getBytes(StandardCharsets.UTF_8), binding::add).get(0);
    Municipality m = new PolicyBinder(binding::add).bind("cuijk.yaml", 1, doc.root());
    Diagnostic w = check(m, TODAY).get(0);
    assertEquals(new SourceLocation("cuijk.yaml", 4, 7), w.location());
  }
}
