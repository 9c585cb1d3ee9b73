package org.polcomp.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The Data Package v2 JSON Schema profiles, read from the copies under
 * {@code src/test/resources/datapackage/} (their published addresses map to those files, so no
 * test reaches the network).
 */
final class Profiles {
  static final String PUBLISHED = "https://datapackage.org/profiles/2.0/";

  private final Schema datapackage;

  Profiles() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        b -> b.schemaIdResolvers(r -> r.mapPrefix(PUBLISHED, "classpath:datapackage/")));
    datapackage = registry.getSchema(SchemaLocation.of(PUBLISHED + "datapackage.json"));
  }

  /** What the descriptor breaks of the datapackage profile (resources and schemas included). */
  List<String> problems(JsonNode descriptor) {
    return datapackage.validate(descriptor).stream().map(Error::toString).toList();
  }
}
