package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.model.Measure;

/**
 * Values given to {@link DatasetLoader#share} come back as the given instances, so that the
 * sets and maps of later stages find them by reference; the values themselves are unchanged.
 */
class SharedValuesTest {
  @TempDir Path dir;

  private List<Measure> read(List<String> shared) throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(f, "format: polcomp/1\nmunicipality:\n  id: GM0001\n  name: A\n"
        + "  country: NL\npolicies:\n  - id: m1\n    title: T\n    domain: housing\n"
        + "    target:\n      groups: [refugees, youth]\n    status: active\n", StandardCharsets.UTF_8);
    DatasetLoader loader = new DatasetLoader(Limits.DEFAULT, false);
    loader.share(shared);
    List<Measure> measures = new ArrayList<>();
    loader.loadFiles(List.of(f), (m, out) -> {
      measures.addAll(m.measures());
      return m;
    });
    return measures;
  }

  @Test
  void aSharedValueIsReadAsTheSharedInstance() throws IOException {
    // made at run time, so not the literals the binder or the scanner might hold
    String housing = new String("housing".toCharArray());
    String refugees = new String("refugees".toCharArray());
    String active = new String("active".toCharArray());
    Measure m = read(List.of(housing, refugees, active)).get(0);
    assertSame(housing, m.domain());
    assertSame(refugees, m.target().groups().get(0));
    assertSame(active, m.status());
    assertEquals("youth", m.target().groups().get(1));
  }

  @Test
  void withoutSharingTheValuesAreTheSameText() throws IOException {
    String housing = new String("housing".toCharArray());
    Measure m = read(List.of()).get(0);
    assertEquals(housing, m.domain());
    assertNotSame(housing, m.domain());
    assertEquals(List.of("refugees", "youth"), m.target().groups());
  }
}
