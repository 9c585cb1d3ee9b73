package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths a load's {@link ReadFiles} holds: the files read, by identity and by path. */
class ReadFilesTest {
  @TempDir Path dir;

  private ReadFiles load(Path... paths) {
    return new DatasetLoader(Limits.DEFAULT, false).load(List.of(paths), m -> m).read();
  }

  @Test
  void theFilesReadAndTheirLinksAreHeldAndNothingElse() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path a = Files.copy(Path.of("examples/invented/dijkhorst.yaml"), data.resolve("a.yaml"));
    Path notes = Files.writeString(data.resolve("notes.txt"), "not a policy file");
    Path outside = Files.writeString(dir.resolve("b.json"), "{}");
    Path hard = Files.createLink(dir.resolve("hard.json"), a);
    Path soft = Files.createSymbolicLink(dir.resolve("soft.json"), a);
    ReadFiles read = load(data);
    assertTrue(read.holds(a));
    assertTrue(read.holds(hard), "a hard link is the same file");
    assertTrue(read.holds(soft), "a symbolic link leads to it");
    assertTrue(read.holds(data.resolve("./x/../a.yaml")), "the path written another way");
    assertTrue(read.holds(a.toAbsolutePath()));
    assertFalse(read.holds(notes), "a file the walk did not read");
    assertFalse(read.holds(outside));
    assertFalse(read.holds(data), "the folder is not a file read");
    assertFalse(ReadFiles.NONE.holds(a));
  }

  @Test
  void aFileReplacedAtItsPathSinceItWasReadIsStillHeld() throws IOException {
    Path a = Files.copy(Path.of("examples/invented/dijkhorst.yaml"), dir.resolve("a.yaml"));
    ReadFiles read = load(a);
    Path kept = Files.move(a, dir.resolve("kept.yaml")); // the old file stays: a new inode below
    Files.writeString(a, "a new file at the same path\n");
    assertFalse(Files.isSameFile(a, kept));
    assertTrue(read.holds(a), "by its path");
    assertTrue(read.holds(kept), "by its identity");
  }
}
