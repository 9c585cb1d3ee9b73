import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the built-in text resources (the default codebook, the lineage table, the column
 * descriptions) into Java classes, one {@code Embedded} class per package, so that a run reads
 * them from a class instead of from the jar: java Embed.java RESOURCES OUT NAME...
 *
 * <p>Why: every polcomp class of a run comes from the class-data archive, so the first resource
 * a run reads is what opens the jar, which means reading the index of its 15,000 entries; that was
 * 15 to 20 ms of a 200 ms run. The resources under src/main/resources stay the one place where
 * these texts are written (and stay in the jar); the classes are made from them on every build
 * (Maven's generate-sources phase), into target/generated-sources/embedded.
 *
 * <p>RESOURCES is the resources folder, OUT the folder of generated sources, each NAME a resource
 * under RESOURCES (org/polcomp/load/lineage-nl.csv). A class whose text is unchanged is not
 * written again, so that the compiler has nothing new to compile.
 */
public final class Embed {
  /**
   * Characters per string literal: the class file keeps a literal in at most 65,535 bytes of
   * modified UTF-8, which is at most 3 bytes a character.
   */
  private static final int CHUNK = 16_000;

  private Embed() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: java Embed.java RESOURCES OUT NAME...");
      System.exit(2);
    }
    Path resources = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Map<String, Map<String, String>> byPackage = new TreeMap<>();
    for (int i = 2; i < args.length; i++) {
      String name = args[i];
      int slash = name.lastIndexOf('/');
      String pkg = name.substring(0, slash).replace('/', '.');
      byPackage.computeIfAbsent(pkg, p -> new TreeMap<>())
          .put(name.substring(slash + 1), utf8(resources.resolve(name)));
    }
    for (var e : byPackage.entrySet()) {
      Path file = out.resolve(e.getKey().replace('.', '/')).resolve("Embedded.java");
      String source = source(e.getKey(), e.getValue());
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(source)) {
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
    }
  }

  /** A resource's text; a resource that is not UTF-8 fails the build. */
  private static String utf8(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8", e);
    }
  }

  private static String source(String pkg, Map<String, String> texts) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n");
    b.append("/**\n * The built-in resources of this package as text, made by src/build/Embed.java");
    b.append(" from\n * src/main/resources on every build: edit the resources, not this class.\n");
    b.append(" */\n");
    b.append("final class Embedded {\n  private Embedded() {}\n\n");
    b.append("  /** The text of the resource {@code name} of this package, or null. */\n");
    b.append("  static String text(String name) {\n    switch (name) {\n");
    List<String> methods = new ArrayList<>();
    int k = 0;
    for (var e : texts.entrySet()) {
      String method = "text" + k++;
      b.append("      case ").append(literal(e.getKey())).append(":\n");
      b.append("        return ").append(method).append("();\n");
      StringBuilder m = new StringBuilder();
      m.append("  // ").append(e.getKey()).append('\n');
      m.append("  private static String ").append(method).append("() {\n");
      String text = e.getValue();
      m.append("    StringBuilder b = new StringBuilder(").append(text.length()).append(");\n");
      for (int from = 0; from < text.length(); from += CHUNK) {
        m.append("    b.append(")
            .append(literal(text.substring(from, Math.min(text.length(), from + CHUNK))))
            .append(");\n");
      }
      m.append("    return b.toString();\n  }\n");
      methods.add(m.toString());
    }
    b.append("      default:\n        return null;\n    }\n  }\n");
    for (String m : methods) {
      b.append('\n').append(m);
    }
    b.append("}\n");
    return b.toString();
  }

  /**
   * A Java string literal of {@code s}, in ASCII: anything else as a unicode escape, and the
   * control characters as octal escapes (a unicode escape of a line break would end the
   * literal, since the compiler reads those escapes before anything else).
   */
  private static String literal(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            b.append(String.format(Locale.ROOT, "\\%03o", (int) c));
          } else if (c > 0x7F) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
