package org.polcomp.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.YNode.ScalarType;
import org.polcomp.load.YNode.YMap;
import org.polcomp.load.YNode.YScalar;

/** The reader's YAML 1.2 core schema resolution and its scalar details. */
class YamlReaderTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "''|NULL", "~|NULL", "null|NULL", "Null|NULL", "NULL|NULL", "nul|STRING",
      "true|BOOL", "True|BOOL", "FALSE|BOOL", "yes|STRING", "on|STRING", "no|STRING",
      "0|INT", "-12|INT", "+12|INT", "0777|INT", "0o17|INT", "0x1F|INT", "0o19|STRING",
      "0xg|STRING", "1_000|STRING", "1.5|FLOAT", "1.|FLOAT", ".5|FLOAT", "-1e3|FLOAT",
      "1e|STRING", ".|STRING", "-|STRING", ".inf|FLOAT", "-.Inf|FLOAT", "+.INF|FLOAT",
      ".nan|FLOAT", ".NaN|FLOAT", "+.nan|STRING", "2016-11-01|STRING", "2016|INT",
      "GM0344|STRING", "1:30|STRING"})
  void plainScalarsResolveAsTheCoreSchemaSays(String text, ScalarType type) {
    assertEquals(type, YamlReader.coreType(text));
  }

  @Test
  void theBufferTheFastPathChecksIsTheOneSnakeyamlGetsForEveryLineLength() {
    YamlReader reader = new YamlReader(Limits.DEFAULT);
    // the surrogate check of the fast path uses the buffer size without making the settings
    assertEquals(org.snakeyaml.engine.v2.api.LoadSettings.builder().build().getBufferSize(),
        YamlReader.DEFAULT_BUFFER);
    for (int longest : new int[] {0, 80, 16_383, 16_384, 1_000_000}) {
      assertEquals(reader.settingsFor(longest).getBufferSize(), YamlReader.bufferSize(longest),
          "longest line " + longest);
    }
    assertEquals(16_384 + 1024, YamlReader.bufferSize(16_384));
    // the default-length settings are made once per reader
    assertSame(reader.settingsFor(10), reader.settingsFor(200));
  }

  @Test
  void quotesTagsAndAnchorsAreRead() {
    String yaml = "a: \"12\"\nb: '~'\nc: !!str 12\nd: !!int \"12\"\ne: &x 5\nf: *x\ng: |\n  true\n";
    List<Diagnostic> diags = new ArrayList<>();
    List<YamlReader.Document> docs =
        new YamlReader(Limits.DEFAULT).read("t.yaml", yaml.getBytes(UTF_8), diags::add);
    assertEquals(List.of(), diags);
    YMap root = (YMap) docs.get(0).root();
    List<String> got = root.entries().stream()
        .map(e -> e.key() + "=" + ((YScalar) e.value()).type() + ":" + ((YScalar) e.value()).text()
            + "@" + e.value().at().line() + ":" + e.value().at().column())
        .toList();
    assertEquals(List.of("a=STRING:12@1:4", "b=STRING:~@2:4", "c=STRING:12@3:4", "d=INT:12@4:4",
        "e=INT:5@5:4", "f=INT:5@5:4", "g=STRING:true\n@7:4"), got);
  }

  /**
   * The lines an ASCII file gets measured in the pass that decodes it are those the separate
   * pass measures (longest line with its CR, whether the fast scanner may read the text), on
   * random texts of the characters that end lines or stop the scanner; a text with a long line
   * is measured again by that pass.
   */
  @Test
  void theLinesMeasuredWhileDecodingAreThoseOfTheSeparatePass() {
    YamlReader reader = new YamlReader(Limits.DEFAULT, true);
    String alphabet = "\n\n\r\r\t a:-#";
    java.util.SplittableRandom random = new java.util.SplittableRandom(1201);
    int measured = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(0, 40);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (t % 1000 == 0) {
        sb.append("x".repeat(20_000)); // long: left to the separate pass
      }
      byte[] bytes = ((t % 3 == 0 ? "\uFEFF" : "") + sb).getBytes(UTF_8);
      List<Diagnostic> none = new ArrayList<>();
      YamlReader.Text text = YamlReader.decode("t.yaml", bytes, none::add);
      assertEquals(List.of(), none, sb.toString());
      YamlReader.Lines separate = reader.lines("t.yaml", text.chars(), none::add);
      if (text.lines() != null) {
        assertEquals(separate, text.lines(), sb.toString().replace("\r", "\\r"));
        measured++;
      } else {
        assertEquals(true, separate.longest() >= 16_384, sb.toString());
      }
    }
    assertEquals(true, measured > 19_000, "most texts measured while decoding: " + measured);
    // not ASCII: measured by the separate pass, which finds the pair
    YamlReader.Text text = YamlReader.decode("t.yaml", "a: \uD834\uDD1E\n".getBytes(UTF_8),
        d -> { });
    assertEquals(null, text.lines());
    assertEquals(new YamlReader.Lines(5, true, true), reader.lines("t.yaml", text.chars(),
        d -> { }));
  }
}
