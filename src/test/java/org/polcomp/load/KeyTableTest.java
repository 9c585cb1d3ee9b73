package org.polcomp.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.YNode.YMap;

class KeyTableTest {
  private static String find(KeyTable t, String around, int from, int length) {
    return t.find(around.toCharArray(), from, length);
  }

  @Test
  void everyKeyOfTheFormatIsFoundAsItsConstant() {
    for (String k : PolicyBinder.ALL_KEYS) {
      String around = "  " + k + ": x";
      // a new String with the same text, so that only the table can give the constant back
      assertSame(k, find(KeyTable.FORMAT, new String(around.toCharArray()), 2, k.length()), k);
    }
  }

  @Test
  void otherTextIsNotAKey() {
    for (String s : List.of("", "i", "ids", "Id", "ID", "titl", "titles", "x-id", "amount",
        "amount_eu", "amount_eur_", "declared-duration", "\u0069\u0307d")) {
      assertNull(find(KeyTable.FORMAT, "[" + s + "]", 1, s.length()), s);
    }
    // the hash of "Aa" is that of "BB": equal hashes are told apart by their characters
    KeyTable t = new KeyTable(List.of("Aa", "id"));
    assertEquals("Aa", find(t, "Aa", 0, 2));
    assertNull(find(t, "BB", 0, 2));
  }

  @Test
  void theReaderGivesKeysAsTheFormatsConstantsAndOtherKeysAsRead() {
    String yaml = "municipality:\n  id: GM0001\n  naam: A\n";
    List<Diagnostic> diags = new ArrayList<>();
    YMap root = (YMap) new YamlReader(Limits.DEFAULT)
        .read("t.yaml", yaml.getBytes(UTF_8), diags::add).get(0).root();
    assertEquals(List.of(), diags);
    assertSame(PolicyBinder.DOCUMENT_KEYS.get(1), root.entries().get(0).key());
    YMap mun = (YMap) root.entries().get(0).value();
    assertSame(PolicyBinder.MUNICIPALITY_KEYS.get(0), mun.entries().get(0).key());
    assertEquals("naam", mun.entries().get(1).key());
    assertNotSame("naam", mun.entries().get(1).key());
  }
}
