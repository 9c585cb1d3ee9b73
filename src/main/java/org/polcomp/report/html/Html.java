package org.polcomp.report.html;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Markup through the JDK's XML writer, which escapes every text and attribute value it is given:
 * data never becomes markup. Writes XHTML-compatible HTML5: void elements self-closed, every other
 * element closed explicitly, even when empty.
 */
final class Html {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private final XMLStreamWriter w;

  Html(Writer out) throws IOException {
    try {
      w = FACTORY.createXMLStreamWriter(out);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write HTML", e);
    }
  }

  /** The doctype: the first thing of the file. */
  Html doctype() throws IOException {
    try {
      w.writeDTD("<!DOCTYPE html>");
      w.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** An element's start tag with attributes given as name, value pairs (null values left out). */
  Html start(String name, String... attributes) throws IOException {
    try {
      w.writeStartElement(name);
      attributes(attributes);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** A void element ({@code meta}, {@code br}) or an empty SVG shape. */
  Html empty(String name, String... attributes) throws IOException {
    try {
      w.writeEmptyElement(name);
      attributes(attributes);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  Html end() throws IOException {
    try {
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return this;
  }

  /** Text, escaped; null writes nothing. */
  Html text(String s) throws IOException {
    if (s != null && !s.isEmpty()) {
      try {
        w.writeCharacters(clean(s));
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }
    return this;
  }

  /** An element holding only text. */
  Html element(String name, String text, String... attributes) throws IOException {
    start(name, attributes);
    // an empty text still closes the element explicitly: <td></td>, never <td/>
    try {
      w.writeCharacters("");
    } catch (XMLStreamException e) {
      throw failed(e);
    }
    return text(text).end();
  }

  /**
   * The text of a {@code style} element: raw text in HTML, so it must hold nothing the XML
   * writer escapes.
   */
  Html css(String css) throws IOException {
    if (css.indexOf('<') >= 0 || css.indexOf('>') >= 0 || css.indexOf('&') >= 0) {
      throw new IllegalArgumentException("style sheet with <, > or &");
    }
    return text(css);
  }

  /** A line break in the file, between blocks, so that the file reads in a text editor too. */
  Html newline() throws IOException {
    return text("\n");
  }

  void finish() throws IOException {
    try {
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private void attributes(String... attributes) throws XMLStreamException {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        w.writeAttribute(attributes[i], clean(attributes[i + 1]));
      }
    }
  }

  // Characters that XML cannot hold (control characters, lone surrogates) become U+FFFD.
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800
          || c >= 0xE000 && c < 0xFFFE;
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(ok ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }

  private static IOException failed(XMLStreamException e) {
    return new IOException("cannot write HTML: " + e.getMessage(), e);
  }
}
