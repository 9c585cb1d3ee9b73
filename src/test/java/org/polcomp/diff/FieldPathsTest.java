package org.polcomp.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polcomp.classify.MeasureBuilder;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;

class FieldPathsTest {
  @Test
  void everyComponentOfAMeasureIsCompared() {
    // FieldPaths names each of these; a new component must be added there (and here)
    assertEquals(List.of("id", "title", "description", "domain", "target", "instrument", "scale",
        "period", "declaredDuration", "funding", "status", "successor", "contactWith", "sources",
        "codings", "extensions", "locations"), names(Measure.class));
    assertEquals(List.of("id", "name", "country", "region", "population", "type", "asOf",
        "measures", "extensions", "file", "document", "locations"), names(Municipality.class));
  }

  @Test
  void pathsAreWrittenAsInTheFileInItsOrder() {
    Measure m = MeasureBuilder.measure("m").title("T").groups("refugees", "youth")
        .instrument("pilot").start("2016").open().fund("eu", 1500.0).fund("municipal-regular")
        .contact("locals").build();
    List<String> paths = FieldPaths.of(m).values().stream().map(FieldPaths.Field::path)
        .toList();
    assertEquals(List.of("title", "domain", "target.groups", "target.proxy", "instrument",
        "period.start", "period.end", "funding[0].source", "funding[0].amount_eur",
        "funding[1].source", "contact.with"), paths.stream()
        .filter(p -> !p.equals("scale") && !p.equals("status")).toList());
    Map<String, String> values = new java.util.HashMap<>();
    FieldPaths.of(m).values().forEach(f -> values.put(f.path(), f.value()));
    assertEquals("refugees; youth", values.get("target.groups"));
    assertEquals("open", values.get("period.end"));
    assertEquals("1500", values.get("funding[0].amount_eur"));
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
