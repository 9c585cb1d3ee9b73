package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position of a key in a list of known keys, as List.indexOf gives it. */
class KeyIndexTest {
  private static final List<List<String>> FORMAT = java.util.stream.Stream.concat(
      PolicyBinder.KEY_LISTS.stream(),
      java.util.stream.Stream.of(CodebookLoader.TOP_KEYS, LineageLoader.ENTRY_KEYS)).toList();

  /**
   * Fields takes a key for an extension only when it is not a known key: the same as checking
   * "x-" first only while no known key starts with it.
   */
  @Test
  void noKnownKeyStartsLikeAnExtension() {
    List<List<String>> all = new ArrayList<>(FORMAT);
    all.addAll(List.of(CodebookLoader.SETTINGS_KEYS, CodebookLoader.WEIGHTS_KEYS,
        CodebookLoader.DECLARED_KEYS, CodebookLoader.END_KEYS, LineageLoader.TOP_KEYS));
    for (List<String> keys : all) {
      for (String k : keys) {
        assertEquals(false, k.startsWith("x-"), k);
      }
    }
  }

  @Test
  void everyKeyOfEveryListIsAtItsPositionAndEveryOtherKeyOfTheFormatIsNot() {
    for (List<String> keys : FORMAT) {
      KeyIndex index = KeyIndex.of(keys);
      for (String k : PolicyBinder.ALL_KEYS) {
        assertEquals(keys.indexOf(k), index.indexOf(k), k + " in " + keys);
        // a String of the same text, not the constant: found by its characters
        assertEquals(keys.indexOf(k), index.indexOf(new String(k.toCharArray())), k);
      }
      for (String k : keys) {
        assertEquals(keys.indexOf(k), index.indexOf(new String(k.toCharArray())), k);
      }
      for (String other : List.of("", "titel", "x-note", "Title", "title ", "<<")) {
        assertEquals(-1, index.indexOf(other), other);
      }
    }
  }

  @Test
  void theFormatsListsAreIndexedOnceAndOtherListsEachTime() {
    assertSame(KeyIndex.of(PolicyBinder.MEASURE_KEYS), KeyIndex.of(PolicyBinder.MEASURE_KEYS));
    List<String> copy = new ArrayList<>(PolicyBinder.MEASURE_KEYS);
    assertEquals(PolicyBinder.MEASURE_KEYS.indexOf("period"), KeyIndex.of(copy).indexOf("period"));
  }

  @Test
  void keysWhoseHashesCollideAreToldApartAndTheFirstOfEqualKeysWins() {
    assertEquals("Aa".hashCode(), "BB".hashCode());
    List<String> keys = List.of("Aa", "x", "BB", "Aa");
    KeyIndex index = KeyIndex.of(keys);
    assertEquals(0, index.indexOf("Aa"));
    assertEquals(2, index.indexOf("BB"));
    assertEquals(1, index.indexOf("x"));
    assertEquals("Aa".hashCode(), "C#".hashCode());
    assertEquals(-1, index.indexOf("C#"));
  }
}
