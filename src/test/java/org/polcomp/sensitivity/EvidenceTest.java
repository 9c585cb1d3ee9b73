package org.polcomp.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.bench.Generator;
import org.polcomp.classify.Classifier;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;

/** The fast evaluation of {@link Evidence} against the Classifier, on a generated dataset. */
class EvidenceTest {
  @TempDir static Path dir;
  private static Codebook codebook;
  private static List<Measure> measures;

  @BeforeAll
  static void generate() throws IOException {
    codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    new Generator(codebook, 11).write(60, dir);
    DatasetLoader.Result r = new DatasetLoader(Limits.DEFAULT, true).load(List.of(dir), m -> m);
    measures = new ArrayList<>();
    for (Municipality m : r.dataset().municipalities()) {
      measures.addAll(m.measures());
    }
    assertTrue(measures.size() > 500, "a dataset of some size: " + measures.size());
  }

  @Test
  void theDotProductGivesTheClassifiersLabelUnderRandomCodebooks() {
    Evidence.Reader reader = new Evidence.Reader(codebook);
    List<Evidence> evidence = measures.stream().map(reader::read).toList();
    SplittableRandom random = new SplittableRandom(3);
    int k = codebook.weightIds().size();
    int[] seen = new int[Duration.values().length];
    for (int sample = 0; sample < 24; sample++) {
      double[] w = new double[k];
      for (int i = 0; i < k; i++) {
        w[i] = switch (sample % 4) {
          // continuous weights, as the Monte Carlo draws them
          case 0 -> random.nextDouble(-1000, 1000);
          case 1 -> random.nextDouble(-5, 5);
          // tiny weights whose sums land on the half-thousandth that rounding turns to 0
          case 2 -> (random.nextInt(7) - 3) * 0.0005;
          // whole and half weights, many exact ties
          default -> (random.nextInt(9) - 4) / 2.0;
        };
      }
      Classifier classifier = new Classifier(codebook.withWeights(w));
      for (int i = 0; i < measures.size(); i++) {
        Duration expected = classifier.classify(measures.get(i)).duration();
        assertEquals(expected, evidence.get(i).duration(w),
            () -> "sample with weights " + java.util.Arrays.toString(w));
        seen[expected.ordinal()]++;
      }
    }
    for (Duration d : Duration.values()) {
      assertTrue(seen[d.ordinal()] > 50, "every label occurs: " + d);
    }
  }

  @Test
  void theDefaultWeightsGiveTheDefaultLabels() {
    Evidence.Reader reader = new Evidence.Reader(codebook);
    Classifier classifier = new Classifier(codebook);
    double[] w = codebook.weightValues();
    for (Measure m : measures) {
      assertEquals(classifier.classify(m).duration(), reader.read(m).duration(w), m.id());
    }
  }

  @Test
  void aScoreOnTheHalfThousandthRoundsAwayFromZero() {
    // declared structural alone, with the weight 0.0005: S rounds half up to 0.001
    Measure declared = measures.stream().filter(m -> "structural".equals(m.declaredDuration()))
        .findFirst().orElseThrow();
    Codebook tiny = codebook.withWeights(new double[codebook.weightIds().size()]);
    double[] w = tiny.weightValues();
    w[0] = 0.0005;
    assertEquals(new Classifier(tiny.withWeights(w)).classify(declared).duration(),
        new Evidence.Reader(codebook).read(declared).duration(w));
    assertEquals(Duration.STRUCTURAL, new Evidence.Reader(codebook).read(declared).duration(w));
    w[0] = 0.00049;
    assertEquals(Duration.UNCLASSIFIED, new Evidence.Reader(codebook).read(declared).duration(w));
  }
}
