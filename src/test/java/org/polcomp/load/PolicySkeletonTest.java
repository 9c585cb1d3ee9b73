package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.model.Codebook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PolicySkeletonTest {
  private static final Codebook DEFAULTS = new CodebookLoader(Limits.DEFAULT).defaults();
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  private JsonNode schema() {
    return JsonMapper.builder().build().readTree(new FormatSchema(DEFAULTS).text());
  }

  @Test
  void theSkeletonMatchesTheSchemaAndUsesEveryKey() {
    String text = new PolicySkeleton(DEFAULTS).text("GM0344", "Utrecht");
    assertTrue(text.startsWith(FormatSchema.MODELINE + "\n"));
    JsonNode doc = yaml.readTree(text);
    assertEquals(List.of(), new SchemaChecker(schema()).check(doc));
    JsonNode s = schema();
    assertKeys(s, doc, "document");
    assertKeys(s.at("/$defs/municipality"), doc.get("municipality"), "municipality");
    JsonNode measure = doc.get("policies").get(0);
    assertKeys(s.at("/$defs/measure"), measure, "measure");
    for (String key : List.of("target", "period", "contact", "coding")) {
      assertKeys(s.at("/$defs/" + key), measure.get(key), key);
    }
    assertKeys(s.at("/$defs/funding"), measure.get("funding").get(0), "funding");
    assertKeys(s.at("/$defs/source"), measure.get("sources").get(0), "source");
  }

  /** Every key of the schema's object is in the skeleton but successor (needs a second measure). */
  private static void assertKeys(JsonNode object, JsonNode value, String what) {
    List<String> missing = new ArrayList<>(object.get("properties").propertyNames());
    missing.removeAll(value.propertyNames());
    missing.remove("successor");
    assertEquals(List.of(), missing, what);
  }

  @Test
  void refusesAnInvalidId() {
    assertThrows(IllegalArgumentException.class,
        () -> new PolicySkeleton(DEFAULTS).text("GM 0344", "Utrecht"));
  }
}
