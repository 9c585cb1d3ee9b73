package org.polcomp.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
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

  @Test
  void theCharactersNoAddressMayHoldUnencodedAreFoundFirst() {
    for (char c = 0; c < 0x200; c++) {
      boolean bad = c <= 0x20 || c == 0x7F || "<>\"{}|\\^`".indexOf(c) >= 0
          || c >= 0x80 && c <= 0x9F || c == '\u00A0';
      assertEquals(bad ? 1 : -1, Validator.badUrlCharacter("h" + c + "x"), "U+" + (int) c);
    }
  }
}
