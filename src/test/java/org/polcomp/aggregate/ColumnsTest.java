package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The row records have exactly the columns of OUTPUTS.md, in order, with the agreed types. */
class ColumnsTest {
  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(MunicipalityRow.class, "municipality_id, municipality, country, region, type,"
            + " population, as_of, measures, mainstreamed, target_group, unclassified_targeting,"
            + " structural, temporary, unclassified_duration, mainstreamed_structural,"
            + " mainstreamed_temporary, target_group_structural, target_group_temporary,"
            + " mainstreaming_share, structural_share, budget_eur, mainstreaming_share_budget,"
            + " structural_share_budget, profile, contact_measures,"
            + " contact_with_earlier_migrants, experiments, experiments_upscaled, file"),
        Arguments.of(DomainRow.class, "municipality_id, municipality, domain, measures,"
            + " mainstreamed, target_group, structural, temporary, mainstreaming_share,"
            + " structural_share"),
        Arguments.of(TypologyRow.class, "group_by, group, municipalities, measures,"
            + " mainstreamed_structural, mainstreamed_temporary, target_group_structural,"
            + " target_group_temporary, unclassified, mainstreaming_share, structural_share"),
        Arguments.of(TimelineRow.class, "municipality_id, municipality, year, active,"
            + " mainstreamed, target_group, structural, temporary"),
        Arguments.of(AgreementRow.class,
            "axis, coded, agreements, observed_agreement, cohens_kappa"));
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void componentsAreTheColumnsInOrder(Class<? extends Record> row, String columns) {
    List<String> expected = Arrays.stream(columns.split(",\\s*")).map(ColumnsTest::camel).toList();
    RecordComponent[] components = row.getRecordComponents();
    assertEquals(expected, Arrays.stream(components).map(RecordComponent::getName).toList());
    Set<Class<?>> allowed = Set.of(String.class, Long.class, Double.class);
    for (RecordComponent c : components) {
      assertTrue(allowed.contains(c.getType()), c.getName() + " is " + c.getType());
    }
  }
}
