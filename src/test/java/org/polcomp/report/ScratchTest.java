package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
  @TempDir Path dir;

  @Test
  void thePidIsThisProcesssWhereverItIsReadFrom() throws IOException {
    long own = ProcessHandle.current().pid();
    assertEquals(own, Scratch.pid());
    // a link that names no pid, and no link at all, fall back to the JDK's answer
    Path odd = Files.createSymbolicLink(dir.resolve("odd"), Path.of("not-a-pid"));
    assertEquals(own, Scratch.read(odd));
    assertEquals(own, Scratch.read(dir.resolve("missing")));
    Path named = Files.createSymbolicLink(dir.resolve("named"), Path.of("4242"));
    assertEquals(4242, Scratch.read(named));
  }

  @Test
  void newFilesAreEmptyDistinctOwnersOnlyAndNamedAsTheSweepKnowsThem() throws IOException {
    String prefix = Scratch.PREFIX + "rows-" + Scratch.pid() + "-";
    Set<Path> made = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Path p = Scratch.create(dir, prefix, ".spool");
      assertTrue(made.add(p), "a new name every time: " + p);
      assertEquals(0, Files.size(p));
      String name = p.getFileName().toString();
      assertTrue(name.startsWith(prefix) && name.endsWith(".spool"), name);
      assertEquals(Scratch.pid(), Scratch.pidOf(name, false), name);
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), name);
      }
    }
    String beside = ".out.xlsx." + Scratch.PREFIX + Scratch.pid() + "-";
    Path tmp = Scratch.create(dir, beside, ".tmp");
    assertEquals(Scratch.pid(), Scratch.pidOf(tmp.getFileName().toString(), true));
  }

  // The names are only new, not secret: a name someone else took is never opened, a link
  // there included, and the next number is tried; when every number tried is taken, it fails.
  @Test
  void aNameTakenIsNeverOpened() throws IOException {
    Path target = Files.writeString(dir.resolve("target"), "keep");
    Path link = dir.resolve("x-41.tmp");
    Files.createSymbolicLink(link, target);
    Path made = Scratch.create(dir, "x-", ".tmp", 41);
    assertEquals(dir.resolve("x-42.tmp"), made);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("keep", Files.readString(target));
    for (int i = 0; i < Scratch.TRIES; i++) {
      Files.createFile(dir.resolve("y-" + (7 + i) + ".tmp"));
    }
    assertThrows(FileAlreadyExistsException.class, () -> Scratch.create(dir, "y-", ".tmp", 7));
    assertEquals(dir.resolve("y-" + (7 + Scratch.TRIES) + ".tmp"),
        Scratch.create(dir, "y-", ".tmp", 8));
  }

  @Test
  void aMissingFolderFails() {
    assertThrows(IOException.class, () -> Scratch.create(dir.resolve("gone"), "x-", ".tmp"));
  }
}
