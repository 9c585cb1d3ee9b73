package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.model.Dataset.InputFile;

/** The SHA-256 of each input is recorded when the run asks for it, and only then. */
class InputHashTest {
  @TempDir Path dir;

  private List<InputFile> files(boolean hash) throws IOException {
    Path f = dir.resolve("a.yaml");
    Files.writeString(f, "municipality:\n  id: GM0001\n  name: A\n  country: NL\n"
        + "measures: []\n", StandardCharsets.UTF_8);
    Path broken = dir.resolve("b.yaml");
    Files.writeString(broken, "municipality: [\n", StandardCharsets.UTF_8);
    return new DatasetLoader(Limits.DEFAULT, false, Progress.NONE, hash)
        .loadFiles(List.of(f, broken), (m, out) -> m).dataset().files();
  }

  @Test
  void aRunThatRecordsItsInputsHashesEveryFileItRead()
      throws IOException, NoSuchAlgorithmException {
    List<InputFile> files = files(true);
    assertEquals(2, files.size());
    for (InputFile f : files) {
      byte[] bytes = Files.readAllBytes(Path.of(f.path()));
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          f.sha256(), f.path());
      assertEquals(bytes.length, f.size());
    }
  }

  @Test
  void aRunThatDoesNotHashesNothing() throws IOException {
    List<InputFile> files = files(false);
    assertEquals(2, files.size());
    for (InputFile f : files) {
      assertNull(f.sha256(), f.path());
      assertEquals(Files.size(Path.of(f.path())), f.size());
    }
  }
}
