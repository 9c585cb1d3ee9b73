package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void write() throws IOException {
    Path f = dir.resolve("utrecht.yaml");
    Files.writeString(f, """
        municipality: {id: GM0344, name: Utrecht}
        policies:
          - id: plan-einstein
            title: Plan Einstein
            domain: social-cohesion
            target: {groups: [asylum-seekers, neighbourhood-residents]}
            instrument: living-lab
            period: {start: 2016-11, end: 2018-10}
            declared_duration: temporary
            funding: [{source: eu, amount_eur: 3400000}]
            sources: [{title: UIA}]
            coding: {targeting: mainstreamed, duration: temporary, coder: RD}
        """);
    data = f.toString();
  }

  @Test
  void tellsTheStoryOfTheWorkedExample() {
    CliRunner.Result r = CliRunner.run("explain", "GM0344/plan-einstein", data);
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("targeting: mainstreamed"), out);
    assertTrue(out.contains("T3 mixed eligibility"), out);
    assertTrue(out.contains("duration: temporary  (score -8, confidence 1)"), out);
    for (String rule : new String[] {"D1", "D2", "D3", "D4"}) {
      assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(rule + " ")), rule + "\n" + out);
    }
    assertTrue(out.contains("end date 2018-10-31"), out);
    assertTrue(out.contains("quadrant: mainstreamed-temporary"), out);
    assertTrue(out.contains("agrees with the rules"), out);
  }

  @Test
  void unknownRefExitsTwoWithTheClosestRefs() {
    CliRunner.Result typo = CliRunner.run("explain", "GM0344/plan-einstien", data);
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("did you mean 'GM0344/plan-einstein'?"), typo.err());
    CliRunner.Result bare = CliRunner.run("explain", "plan-einstein", data);
    assertEquals(2, bare.exit());
    assertTrue(bare.err().contains("'GM0344/plan-einstein'"), bare.err());
    CliRunner.Result prefix = CliRunner.run("explain", "GM0344/plan", data);
    assertEquals(2, prefix.exit());
    assertTrue(prefix.err().contains("did you mean 'GM0344/plan-einstein'?"), prefix.err());
    CliRunner.Result far = CliRunner.run("explain", "XX/zzz", data);
    assertEquals(2, far.exit());
    assertTrue(far.err().contains("polcomp classify"), far.err());
  }

  @Test
  void invalidDataExitsOneWithTheErrors() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "municipality: {id: GM1, name: X}\npolicies:\n  - {id: a}\n");
    CliRunner.Result r = CliRunner.run("explain", "GM1/a", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[E009]"), r.err());
    assertEquals("", r.out());
  }
}
