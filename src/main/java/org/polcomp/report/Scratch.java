package org.polcomp.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files of a run, named so that the next run can tell whose they are.
 *
 * <p>Every temporary file or folder polcomp makes in the system's temporary folder is named
 * {@code polcomp-<what>-<pid>-...}, and every temporary file or folder beside an output
 * {@code .<name>.polcomp-<pid>-....tmp}. A run removes its own on every exit the JVM sees (the
 * files are unlinked while open, or deleted by a shutdown hook); after a SIGKILL, which no
 * program can catch, the next run removes those of processes that no longer live ({@link
 * #sweep}).
 */
public final class Scratch {
  /** The prefix of every temporary name in the system's temporary folder. */
  static final String PREFIX = "polcomp-";

  private Scratch() {}

  /** This process's id, part of every temporary name. */
  public static long pid() {
    return Pid.VALUE;
  }

  /**
   * The id, read once: on Linux from the name {@code /proc/self} links to (one system call),
   * elsewhere from {@link ProcessHandle}, whose set-up (it starts the pool that reaps child
   * processes) was a fiftieth of a short comparison.
   */
  private static final class Pid {
    static final long VALUE = read(Path.of("/proc/self"));
  }

  // the pid that link names, or ProcessHandle's when there is no such link or it names none
  static long read(Path self) {
    try {
      String name = Files.readSymbolicLink(self).toString();
      boolean digits = !name.isEmpty() && name.length() <= 18;
      for (int i = 0; digits && i < name.length(); i++) {
        digits = name.charAt(i) >= '0' && name.charAt(i) <= '9';
      }
      if (digits) {
        return Long.parseLong(name);
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux, or no /proc: ask the JDK
    }
    return ProcessHandle.current().pid();
  }

  /** The system's temporary folder. */
  public static Path systemTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** A new temporary file in the system's temporary folder, named for this process. */
  public static Path file(String what, String suffix) throws IOException {
    return create(systemTemp(), PREFIX + what + "-" + pid() + "-", suffix);
  }

  /**
   * A new empty file in {@code dir} named {@code prefix}, a number and {@code suffix}, readable and
   * writable by its owner alone, as {@link Files#createTempFile} makes it. Not that method itself:
   * it draws its names from a SecureRandom, whose set-up was a fortieth of a short run, while
   * these names need only be new (every prefix holds the pid). The file is created exclusively
   * (a name that exists, a link included, is never opened), so a name taken by someone else only
   * means the next number.
   */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    return create(dir, prefix, suffix, System.nanoTime() & Long.MAX_VALUE);
  }

  // the numbers tried are first, first + 1, ... (TRIES of them)
  static Path create(Path dir, String prefix, String suffix, long first) throws IOException {
    FileAttribute<?>[] owner = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
        : new FileAttribute<?>[0];
    for (int i = 0; ; i++) {
      Path p = dir.resolve(prefix + ((first + i) & Long.MAX_VALUE) + suffix);
      try {
        return Files.createFile(p, owner);
      } catch (FileAlreadyExistsException e) {
        if (i == TRIES - 1) {
          throw e;
        }
      }
    }
  }

  // names tried before giving up
  static final int TRIES = 100;


  /**
   * The folder where Apache POI puts its own temporary files in this process (created when
   * missing): {@code polcomp-poi-<pid>} in the system's temporary folder.
   */
  public static Path poiFolder() throws IOException {
    Path dir = systemTemp().resolve(PREFIX + "poi-" + pid());
    Files.createDirectories(dir);
    return dir;
  }

  // What polcomp names its temporary files: polcomp-rows-1234-5678.spool, polcomp-poi-1234, and
  // beside an output .NAME.polcomp-1234-5678.tmp (or .old, the previous folder while it is
  // replaced). Anything else, a user's polcomp-2024.xlsx say, is never touched.
  private static final Pattern SYSTEM_NAME =
      Pattern.compile("polcomp-[a-z]+-(\\d{1,18})(-\\d+(\\.[a-z]+)?)?");
  private static final Pattern BESIDE_NAME =
      Pattern.compile("\\..+\\.polcomp-(\\d{1,18})-\\d+\\.(tmp|old)");

  /**
   * Makes Apache POI put its temporary files (the sheets SXSSF spools) into {@link #poiFolder},
   * which a shutdown hook removes with whatever is in it on Ctrl-C or SIGTERM, and which the next
   * run's {@link #sweep} removes after a SIGKILL. POI keeps the strategy in a static field of its
   * own; every call sets the same folder, so calling it again is harmless.
   */
  public static void usePoiFolder() throws IOException {
    Path dir = poiFolder();
    org.apache.poi.util.TempFile.setTempFileCreationStrategy(
        new org.apache.poi.util.DefaultTempFileCreationStrategy(dir.toFile()));
    try {
      Runtime.getRuntime().addShutdownHook(POI_CLEANUP);
    } catch (IllegalArgumentException e) {
      // added by an earlier workbook of this run
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  // Removes POI's folder of this process when the JVM exits. The JVM's list of hooks is the only
  // state: adding the same hook twice is refused, which is what makes it once per process.
  private static final Thread POI_CLEANUP = new Thread(
      () -> deleteTree(systemTemp().resolve(PREFIX + "poi-" + pid())), "polcomp-poi-cleanup");

  /**
   * The pid in a temporary name that polcomp makes (in the system's temporary folder, or beside an
   * output when {@code beside}), or -1 when the name is not one of polcomp's.
   */
  static long pidOf(String name, boolean beside) {
    Matcher m = (beside ? BESIDE_NAME : SYSTEM_NAME).matcher(name);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** True when the process with this pid is gone (so its temporary files are stale). */
  static boolean gone(long pid) {
    return pid > 0 && pid != pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /**
   * Removes the temporary files and folders of polcomp processes that no longer run, in the
   * system's temporary folder and, when {@code besides} is not null, beside that output. Never
   * fails: what cannot be removed stays.
   */
  public static void sweep(Path besides) {
    sweepIn(systemTemp(), name -> name.startsWith(PREFIX), false);
    if (besides != null) {
      Path abs = besides.toAbsolutePath();
      Path dir = abs.getParent();
      if (dir != null && abs.getFileName() != null) {
        String own = "." + abs.getFileName() + "." + PREFIX;
        restoreFolder(dir, own, abs);
        sweepIn(dir, name -> name.startsWith(own), true);
      }
    }
  }

  /**
   * A folder output is replaced by two renames (the old folder aside, the new one in place); a run
   * killed between them leaves the previous set aside as {@code .NAME.polcomp-PID-N.old} and no
   * NAME: put it back.
   */
  private static void restoreFolder(Path dir, String own, Path target) {
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, own + "*.old")) {
      for (Path p : ds) {
        if (gone(pidOf(p.getFileName().toString(), true))) {
          Files.move(p, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // left for the user to see; the sweep below does not remove a .old whose target is missing
    }
  }

  private static void sweepIn(Path dir, Predicate<String> ours, boolean beside) {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (ours.test(name) && gone(pidOf(name, beside))) {
          stale.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      return; // a folder we cannot list holds nothing we can remove
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  /** Deletes a file or a folder with everything in it; never fails. */
  public static void deleteTree(Path p) {
    try {
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> all = Files.walk(p)) {
          all.sorted(Comparator.reverseOrder()).forEach(Scratch::deleteQuietly);
        }
      } else {
        deleteQuietly(p);
      }
    } catch (IOException | RuntimeException e) {
      // what cannot be removed stays; the next sweep tries again
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
