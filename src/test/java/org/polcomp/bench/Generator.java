package org.polcomp.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Targeting;
import org.polcomp.model.Vocabulary;

/**
 * Writes a synthetic policy dataset for benchmarks: {@code Generator <municipalities> <outDir>
 * [seed]}. One file per municipality ({@code outDir/NNN/GMnnnnnn.yaml}, at most 1,000 files per
 * folder), about 20 measures each. The data is valid by construction (no errors, no validation
 * warnings), uses every key of the format and every value of the default codebook's
 * vocabularies, and depends only on the seed: each municipality draws from its own random stream,
 * so folders can be written in parallel.
 */
public final class Generator {
  /** Files per folder. */
  static final int PER_FOLDER = 1000;

  private static final String[] TYPES =
      {"large-city", "suburb", "expat", "provincial", "horticulture", "border"};
  private static final String[] COUNTRIES = {"NL", "BE", "DE", "DK", "SE", "FR", "AT", "IT"};
  private static final String[] ORIGINS = {"SY", "ER", "AF", "UA", "TR", "MA", "PL", "SO"};
  private static final String[] WORDS = {"language", "cafe", "buddy", "work", "plan", "house",
      "welcome", "coach", "network", "health", "school", "route", "lab", "centre", "pact"};

  private final List<String> domains;
  private final List<String> groups;
  private final List<String> instruments;
  private final List<String> fundingSources;
  private final List<String> contactPartners;
  private final Codebook codebook;
  private final Codebook.Weights weights;
  private final long seed;

  public Generator(Codebook codebook, long seed) {
    this.codebook = codebook;
    this.weights = codebook.weights();
    var v = codebook.vocabularies();
    this.domains = v.get("domains");
    this.groups = v.get("groups");
    this.instruments = v.get("instruments");
    this.fundingSources = v.get("funding_sources");
    this.contactPartners = v.get("contact_partners");
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: Generator <municipalities> <outDir> [seed]");
      System.exit(2);
    }
    int count = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
    long t0 = System.nanoTime();
    Generator g = new Generator(new CodebookLoader(Limits.DEFAULT).defaults(), seed);
    Stats s = g.write(count, out);
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT,
        "generated %,d municipalities, %,d measures, %,d bytes in %d folders of %s in %.1f s%n",
        count, s.measures(), s.bytes(), (count + PER_FOLDER - 1) / PER_FOLDER, out, secs);
  }

  /** What was written. */
  record Stats(long measures, long bytes) {}

  /** Writes {@code count} municipality files under {@code out}, a folder at a time in parallel. */
  public Stats write(int count, Path out) throws IOException {
    Files.createDirectories(out);
    AtomicLong measures = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    int folders = (count + PER_FOLDER - 1) / PER_FOLDER;
    IntStream.range(0, folders).parallel().forEach(f -> {
      try {
        Path dir = Files.createDirectories(out.resolve(String.format(Locale.ROOT, "%03d", f)));
        StringBuilder sb = new StringBuilder(16 * 1024);
        for (int i = f * PER_FOLDER; i < Math.min(count, (f + 1) * PER_FOLDER); i++) {
          sb.setLength(0);
          measures.addAndGet(municipality(i, sb));
          byte[] data = sb.toString().getBytes(UTF_8);
          Files.write(dir.resolve(id(i) + ".yaml"), data);
          bytes.addAndGet(data.length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return new Stats(measures.get(), bytes.get());
  }

  static String id(int i) {
    return String.format(Locale.ROOT, "GM%06d", i);
  }

  /** Appends the YAML of municipality {@code i}; returns its number of measures. */
  int municipality(int i, StringBuilder sb) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    if (i % 7 == 0) {
      sb.append("# yaml-language-server: $schema=../schema/polcomp-1.schema.json\n");
      sb.append("format: ").append(Vocabulary.FORMAT).append('\n');
    }
    sb.append("municipality:\n");
    sb.append("  id: ").append(id(i)).append('\n');
    sb.append("  name: ").append(cap(word(r))).append(' ').append(cap(word(r))).append('\n');
    sb.append("  country: ").append(COUNTRIES[i % COUNTRIES.length]).append('\n');
    if (r.nextInt(4) > 0) {
      sb.append("  region: Region ").append(i % 12 + 1).append('\n');
    }
    sb.append("  population: ").append(1_000 + r.nextInt(900_000)).append('\n');
    sb.append("  type: ").append(TYPES[i % TYPES.length]).append('\n');
    if (i % 3 == 0) {
      sb.append("  as_of: 2020-01-01\n");
    }
    if (i % 11 == 0) {
      sb.append("  x-source-sheet: {row: ").append(i).append(", checked: true}\n");
    }
    sb.append("policies:\n");
    int n = 16 + r.nextInt(9); // 16..24, about 20
    for (int m = 0; m < n; m++) {
      measure(i, m, n, r, sb);
    }
    return n;
  }

  /**
   * One measure. The vocabulary values rotate with {@code i * 31 + m}, so a few hundred
   * municipalities already use every value; optional keys are drawn at random. The duration
   * evidence is summed as the codebook does, so that no measure is left unclassified (W004), and
   * a human coding, where there is one, agrees with the rules (no W005).
   */
  private void measure(int i, int m, int n, SplittableRandom r, StringBuilder sb) {
    int k = i * 31 + m;
    // Draw everything first: the duration evidence decides declared_duration and the coding.
    String title = cap(word(r)) + " " + word(r) + " " + word(r);
    String description = r.nextInt(3) == 0 ? "A " + word(r) + " for " + word(r) + " and "
        + word(r) + ",\n      run with the " + word(r) + "." : null;
    List<String> groups = new ArrayList<>();
    groups.add(pick(this.groups, k));
    if (r.nextInt(3) == 0 && !groups.contains(pick(this.groups, k + 7))) {
      groups.add(pick(this.groups, k + 7));
    }
    if (k % 13 == 0) {
      groups.add("origin:" + ORIGINS[k % ORIGINS.length]);
    }
    String eligibility = r.nextInt(4) == 0 ? "residents of the " + word(r) + " area" : null;
    Boolean proxy = k % 9 == 0 ? k % 2 == 0 : null;
    String instrument = r.nextInt(5) > 0 ? pick(instruments, k) : null;
    String scale = r.nextInt(2) == 0 ? pick(Vocabulary.SCALES, k) : null;
    String status = pick(Vocabulary.STATUSES, k + 3);
    boolean mustEnd = status.equals("ended") || status.equals("upscaled");
    String start = null;
    String end = null;
    int startYear = 2005 + r.nextInt(15);
    int form = r.nextInt(3);
    if (mustEnd || r.nextInt(4) > 0) {
      start = date(startYear, form, r);
      if (mustEnd || r.nextInt(3) > 0) {
        end = date(startYear + 1 + r.nextInt(6), r.nextInt(3), r);
      } else if (r.nextInt(2) == 0) {
        end = "open";
      }
    }
    String declared = r.nextInt(3) > 0 ? pick(Vocabulary.DECLARED_DURATIONS, k) : null;
    int fundingCount = r.nextInt(3);
    if (fundingCount == 0 && k % 8 == 0) {
      fundingCount = 1;
    }
    String[] sources = new String[fundingCount];
    long[] amounts = new long[fundingCount]; // cents; -1 for none
    String[] notes = new String[fundingCount];
    for (int f = 0; f < fundingCount; f++) {
      sources[f] = pick(fundingSources, k + f);
      amounts[f] = r.nextInt(4) > 0 ? r.nextInt(5_000_000) * 100L + (r.nextInt(4) == 0 ? 50 : 0)
          : -1;
      notes[f] = r.nextInt(6) == 0 ? "co-funded" : null;
    }
    // D1 to D4 of the codebook; a balanced or empty score gets a declared duration that tips it.
    double rest = durationEvidence(end, instrument, sources, amounts);
    double score = rest + declaredWeight(declared);
    if (Math.abs(score) < 0.001) {
      declared = declared == null || declared.equals("temporary") ? "structural" : "temporary";
      score = rest + declaredWeight(declared);
    }
    String duration = score > 0 ? "structural" : "temporary";

    sb.append("  - id: ").append(measureId(i, m)).append('\n');
    sb.append("    title: ").append(title).append('\n');
    if (description != null) {
      sb.append("    description: >\n      ").append(description).append('\n');
    }
    sb.append("    domain: ").append(pick(domains, k)).append('\n');
    sb.append("    target:\n      groups: [").append(String.join(", ", groups)).append("]\n");
    if (eligibility != null) {
      sb.append("      eligibility: ").append(eligibility).append('\n');
    }
    if (proxy != null) {
      sb.append("      proxy: ").append(proxy).append('\n');
    }
    if (instrument != null) {
      sb.append("    instrument: ").append(instrument).append('\n');
    }
    if (scale != null) {
      sb.append("    scale: ").append(scale).append('\n');
    }
    if (start != null) {
      sb.append("    period:\n      start: ").append(start).append('\n');
      if (end != null) {
        sb.append("      end: ").append(end).append('\n');
      }
    }
    if (declared != null) {
      sb.append("    declared_duration: ").append(declared).append('\n');
    }
    if (fundingCount > 0) {
      sb.append("    funding:\n");
      for (int f = 0; f < fundingCount; f++) {
        sb.append("      - source: ").append(sources[f]).append('\n');
        if (amounts[f] >= 0) {
          sb.append("        amount_eur: ").append(amounts[f] / 100);
          sb.append(amounts[f] % 100 != 0 ? ".50\n" : "\n");
        }
        if (notes[f] != null) {
          sb.append("        note: ").append(notes[f]).append('\n');
        }
      }
    }
    sb.append("    status: ").append(status).append('\n');
    if (n > 1 && (k % 5 == 0)) {
      sb.append("    successor: ").append(measureId(i, (m + 1) % n)).append('\n');
    }
    if (r.nextInt(3) == 0) {
      sb.append("    contact:\n      with: [").append(pick(contactPartners, k));
      if (r.nextInt(2) == 0) {
        sb.append(", ").append(pick(contactPartners, k + 1));
      }
      sb.append("]\n");
    }
    sb.append("    sources:\n      - title: Council letter ").append(2010 + r.nextInt(14))
        .append('\n');
    if (r.nextInt(2) == 0) {
      sb.append("        url: https://example.org/").append(id(i).toLowerCase(Locale.ROOT))
          .append('/').append(m).append(".pdf\n");
    }
    if (r.nextInt(3) == 0) {
      sb.append("        date: ").append(date(2010 + r.nextInt(14), r.nextInt(3), r)).append('\n');
    }
    if (r.nextInt(4) == 0) {
      sb.append("        page: \"").append(1 + r.nextInt(20)).append('-')
          .append(21 + r.nextInt(20)).append("\"\n");
    }
    Targeting targeting = targeting(groups, proxy != null && proxy);
    if (k % 6 == 0 && targeting != Targeting.UNCLASSIFIED) {
      sb.append("    coding:\n      targeting: ").append(targeting.label())
          .append("\n      duration: ").append(duration).append('\n');
      if (r.nextInt(2) == 0) {
        sb.append("      coder: RD\n      note: from the interview\n");
      }
    }
    if (k % 17 == 0) {
      sb.append("    x-budget-line: ").append(word(r)).append('\n');
    }
  }

  private double declaredWeight(String declared) {
    if (declared == null) {
      return 0;
    }
    return declared.equals("structural") ? weights.declaredStructural()
        : weights.declaredTemporary();
  }

  /** D2, D3 and D4 of CODEBOOK.md with the codebook's weights. */
  private double durationEvidence(String end, String instrument, String[] sources,
      long[] amounts) {
    double s = 0;
    if (end != null) {
      s += end.equals("open") ? weights.openEnd() : weights.endDate();
    }
    if (instrument != null) {
      s += codebook.instrument(instrument).orElseThrow().weight();
    }
    if (sources.length > 0) {
      boolean weighted = true;
      double total = 0;
      for (long a : amounts) {
        weighted &= a >= 0;
        total += Math.max(0, a);
      }
      weighted &= total > 0;
      double sum = 0;
      for (int f = 0; f < sources.length; f++) {
        double lean = codebook.fundingSource(sources[f]).orElseThrow().weight();
        sum += weighted ? lean * amounts[f] / total : lean / sources.length;
      }
      s += sum;
    }
    return s;
  }

  /** T1 to T4 of CODEBOOK.md. */
  private Targeting targeting(List<String> groups, boolean proxy) {
    boolean migration = false;
    boolean generic = false;
    for (String g : groups) {
      if (codebook.group(g).orElseThrow().migrationDefined()) {
        migration = true;
      } else {
        generic = true;
      }
    }
    if (generic && migration) {
      return codebook.mixedEligibility();
    }
    if (migration) {
      return Targeting.TARGET_GROUP;
    }
    return proxy ? codebook.proxyTargeting() : Targeting.MAINSTREAMED;
  }

  private static String pick(List<String> values, int k) {
    return values.get(Math.floorMod(k, values.size()));
  }

  private static String word(SplittableRandom r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** A date in one of the three forms; the year alone or the year and month, or a whole date. */
  private static String date(int year, int form, SplittableRandom r) {
    int month = 1 + r.nextInt(12);
    return switch (form) {
      case 0 -> Integer.toString(year);
      case 1 -> String.format(Locale.ROOT, "%d-%02d", year, month);
      default -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, 1 + r.nextInt(28));
    };
  }

  /** Measure ids do not draw from the random stream, so that a successor can name a later one. */
  static String measureId(int i, int m) {
    return String.format(Locale.ROOT, "m%02d-%s", m, WORDS[Math.floorMod(i * 31 + m, WORDS.length)]);
  }
}
