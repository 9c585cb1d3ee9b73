package org.polcomp.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a source may give (E019), and the character an address cannot hold. */
class UrlTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "https://www.utrecht.nl/|true", "http://example.org|true",
      "HTTPS://Example.org/a?b=c#d|true", "https://example.org:8080/x|true",
      "https://user@example.org/|true", "https://例え.jp/|true", "https://bücher.de/x?y=ü|true",
      "https://[2001:db8::1]/|true", "https://192.168.0.1/|true",
      "ftp://example.org/|false", "mailto:a@example.org|false", "example.org/x|false",
      "https://|false", "https:///path|false", "https://-bad.example/|false",
      "https://exa mple.org/|false", "https://example.org/<x>|false",
      "https://example.org/a\\b|false", "https://example.org/%zz|false", "//example.org/|false",
      "https://example.org/{id}|false", "https://example.org/a^b|false"})
  void anAddressIsAnAbsoluteHttpUrlWithAHost(String url, boolean ok) {
    assertEquals(ok, Validator.isHttpUrl(url), url);
    assertEquals(ok, byUri(url), "the definition: " + url);
  }

  /** The definition the check keeps: java.net.URI after the host is written in ASCII. */
  private static boolean byUri(String url) {
    if (Validator.badUrlCharacter(url) >= 0) {
      return false;
    }
    String u = url;
    int start = url.indexOf("://");
    if (start >= 0) {
      int end = start + 3;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      String host = url.substring(start + 3, end);
      if (!host.chars().allMatch(c -> c < 0x80)) {
        u = url.substring(0, start + 3) + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED)
            + url.substring(end);
      }
    }
    try {
      URI uri = new URI(u);
      return uri.getScheme() != null && uri.getScheme().matches("(?i)https?")
          && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://www.utrecht.nl/|true", "http://example.org|true", "https://a.org?x=1#y|true",
      "https://doi.org/10.5553/Bk/092733872020029003001|true", "http://localhost/|true",
      "https://x.nl/a%20b;c:d@e&f=g+h$i,j!k~l*m'n(o)p/q?r/s?t#u/v?w|true",
      "HTTPS://example.org/|false", "https://example.org:8080/|false", "https://u@x.org/|false",
      "https://192.168.0.1/|false", "https://1.2.3.4a/|false", "https://-a.org/|false",
      "https://a-.org/|false", "https://a..org/|false", "https://a.org./|false",
      "https:///x|false", "https://|false", "https://a.org/%2|false", "https://a.org/%zz|false",
      "https://a.org/#x#y|false", "https://a.org/[x]|false", "https://[::1]/|false"})
  void thePlainShapeIsRecognisedInOnePass(String url, boolean plain) {
    assertEquals(plain, Validator.isPlainHttpUrl(url), url);
  }

  /**
   * The one-pass check only ever says yes where java.net.URI does, so it changes no verdict:
   * random addresses made of the characters and pieces that decide the grammar.
   */
  @Test
  void thePlainShapeIsAlwaysAnAddressUriAccepts() {
    String[] pieces = {"a", "Z", "0", "9", "-", ".", "/", "?", "#", "%", "%4f", "%g1", ":", "@",
        "[", "]", "_", "~", "!", "*", "'", "(", ")", ";", "&", "=", "+", "$", ",", "org", "x-y"};
    String[] hosts = {"a", "Z", "0", "9b", "x-y", "-", ".", "org.", "nl", ":80", "@", "1.2"};
    Random random = new Random(20261203);
    int plain = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
      for (int j = random.nextInt(4); j >= 0; j--) { // a host, or nearly one
        b.append(hosts[random.nextInt(hosts.length)]);
      }
      for (int j = random.nextInt(8); j > 0; j--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String url = b.toString();
      if (Validator.isPlainHttpUrl(url)) {
        plain++;
        assertTrue(byUri(url), url);
        assertTrue(Validator.isHttpUrl(url), url);
      }
    }
    // the random addresses reach both answers often enough to mean something
    assertTrue(plain > 5_000, "plain addresses: " + plain);
    assertFalse(Validator.isPlainHttpUrl("https://a.org/ x"));
  }

  @Test
  void theCharactersNoAddressMayHoldUnencodedAreFoundFirst() {
    for (char c = 0; c < 0x200; c++) {
      boolean bad = c <= 0x20 || c == 0x7F || "<>\"{}|\\^`".indexOf(c) >= 0
          || c >= 0x80 && c <= 0x9F || c == '\u00A0';
      assertEquals(bad ? 1 : -1, Validator.badUrlCharacter("h" + c + "x"), "U+" + (int) c);
    }
  }
}
