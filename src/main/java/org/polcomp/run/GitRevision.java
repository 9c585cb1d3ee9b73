package org.polcomp.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.polcomp.load.DatasetLoader;
import org.polcomp.report.Scratch;

/**
 * The files of some paths at a git revision, read with the {@code git} executable into a
 * temporary folder ({@code polcomp-git-PID-N} in the system's temporary folder), where they keep
 * their place in the repository. {@link #close} removes the folder; a run killed before then
 * leaves it to the next run's sweep.
 *
 * @param folder the temporary folder, which stands for the repository's top level
 * @param paths each asked path's copy, in the order asked
 * @param label how the old side is named in reports: {@code REV:path}
 */
record GitRevision(Path folder, List<Path> paths, String label) implements AutoCloseable {
  /** How long one git command may take before it counts as hung. */
  static final long TIMEOUT_SECONDS = 120;

  @Override
  public void close() {
    Scratch.deleteTree(folder);
  }

  /** Reads {@code paths} (in the working tree, in one repository) as they were at {@code rev}. */
  static GitRevision read(String rev, List<Path> paths) throws IOException {
    if (rev.isBlank() || rev.startsWith("-")) {
      throw new UsageProblem("'" + rev + "' is not a git revision",
          "name a commit, branch or tag, for example HEAD~1 or origin/main");
    }
    Path root = null;
    List<String> inRepo = new ArrayList<>();
    for (Path p : paths) {
      Stages.requireExists(p);
      Path real = p.toRealPath();
      Path dir = Files.isDirectory(real) ? real : real.getParent();
      Result top = git(dir, null, "rev-parse", "--show-toplevel");
      if (top.exit() != 0) {
        // git refuses a repository of another user ("dubious ownership"): say what git said
        String why = top.error().contains("not a git repository") || top.error().isEmpty()
            ? "" : " (git: " + top.error().lines().findFirst().orElse("") + ")";
        throw new UsageProblem(DatasetLoader.display(p) + " is not in a git repository" + why,
            "run polcomp diff --git inside a clone, or compare two paths: polcomp diff OLD NEW");
      }
      Path here = Path.of(top.text().strip()).toRealPath();
      if (root != null && !root.equals(here)) {
        throw new UsageProblem(DatasetLoader.display(p) + " is in another git repository than "
            + DatasetLoader.display(paths.get(0)), "give paths of one repository");
      }
      root = here;
      inRepo.add(slashes(root.relativize(real)));
    }
    Result commit = git(root, null, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
    if (commit.exit() != 0) {
      throw new UsageProblem("unknown git revision '" + rev + "'",
          "name a commit, branch or tag of the repository (git log shows them; a pull request's"
              + " base may need 'git fetch' first)");
    }
    String sha = commit.text().strip();
    Path folder = Files.createTempDirectory(Scratch.systemTemp(),
        "polcomp-git-" + Scratch.pid() + "-");
    try {
      List<Path> copies = new ArrayList<>();
      for (String rel : inRepo) {
        Path copy = rel.isEmpty() ? folder : folder.resolve(rel);
        if (!extract(root, sha, rel, folder)) {
          // absent at the revision: an empty old side, so everything in it is new
          Files.createDirectories(copy);
        }
        copies.add(copy);
      }
      return new GitRevision(folder, copies, label(rev, paths));
    } catch (IOException | RuntimeException e) {
      Scratch.deleteTree(folder);
      throw e;
    }
  }

  private static String label(String rev, List<Path> paths) {
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(rev + ":" + DatasetLoader.display(p));
    }
    return String.join(" ", names);
  }

  /**
   * Writes the policy files under {@code rel} at commit {@code sha} into {@code folder}; false
   * when the commit has nothing there. Symbolic links and submodules are left out.
   */
  private static boolean extract(Path root, String sha, String rel, Path folder)
      throws IOException {
    Result listed = git(root, null, "ls-tree", "-r", "-z", "--full-tree", sha, "--",
        rel.isEmpty() ? "." : rel);
    if (listed.exit() != 0) {
      throw new IOException("git ls-tree failed: " + listed.error());
    }
    List<String[]> blobs = new ArrayList<>();
    for (String entry : listed.text().split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      String path = entry.substring(tab + 1);
      String lower = path.toLowerCase(Locale.ROOT);
      boolean wanted = path.equals(rel) || lower.endsWith(".yaml") || lower.endsWith(".yml");
      if (meta.length == 3 && meta[1].equals("blob") && !meta[0].equals("120000") && wanted) {
        blobs.add(new String[] {meta[2], path});
      }
    }
    if (blobs.isEmpty()) {
      return false;
    }
    // One git process for every file: their object ids in, their contents out.
    Path ids = Scratch.file("git", ".ids");
    try {
      StringBuilder sb = new StringBuilder();
      for (String[] b : blobs) {
        sb.append(b[0]).append('\n');
      }
      Files.writeString(ids, sb, StandardCharsets.UTF_8);
      Path contents = Scratch.file("git", ".out");
      try {
        Result cat = git(root, ids, contents, "cat-file", "--batch");
        if (cat.exit() != 0) {
          throw new IOException("git cat-file failed: " + cat.error());
        }
        try (InputStream in = Files.newInputStream(contents)) {
          for (String[] b : blobs) {
            String head = headerLine(in);
            String[] parts = head.split(" ");
            if (parts.length != 3 || !parts[0].equals(b[0])) {
              throw new IOException("git cat-file answered '" + head + "' for " + b[1]);
            }
            long size = Long.parseLong(parts[2]);
            Path target = folder.resolve(b[1]).normalize();
            if (!target.startsWith(folder)) {
              throw new IOException("git names a path outside the repository: " + b[1]);
            }
            Files.createDirectories(target.getParent());
            try (var out = Files.newOutputStream(target)) {
              copy(in, out, size);
            }
            in.read(); // the newline after the contents
          }
        }
      } finally {
        Scratch.deleteTree(contents);
      }
    } finally {
      Scratch.deleteTree(ids);
    }
    return true;
  }

  private static String headerLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("git cat-file ended early");
      }
      sb.append((char) c);
    }
    return sb.toString();
  }

  private static void copy(InputStream in, java.io.OutputStream out, long size)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("git cat-file ended early");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }

  /** What one git command gave: its exit status, standard output and standard error. */
  private record Result(int exit, byte[] out, String error) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private static Result git(Path dir, Path stdin, String... args) throws IOException {
    Path out = Scratch.file("git", ".out");
    try {
      Result r = git(dir, stdin, out, args);
      return new Result(r.exit(), Files.readAllBytes(out), r.error());
    } finally {
      Scratch.deleteTree(out);
    }
  }

  /**
   * Runs {@code git -C dir ARGS} with its output in the file {@code out} (a file, not a pipe, so
   * that a large output cannot block git while polcomp waits for it).
   */
  private static Result git(Path dir, Path stdin, Path out, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Path err = Scratch.file("git", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      if (stdin != null) {
        pb.redirectInput(stdin.toFile());
      } else {
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      }
      pb.environment().put("GIT_TERMINAL_PROMPT", "0");
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new UsageProblem("cannot run git: " + e.getMessage(),
            "install git and put it on the PATH, or compare two paths: polcomp diff OLD NEW");
      }
      boolean done;
      try {
        done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while git ran", e);
      }
      if (!done) {
        p.destroyForcibly();
        throw new IOException("git " + args[0] + " took longer than " + TIMEOUT_SECONDS
            + " seconds");
      }
      return new Result(p.exitValue(), new byte[0],
          Files.readString(err, StandardCharsets.UTF_8).strip());
    } finally {
      Scratch.deleteTree(err);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL"
        : "/dev/null");
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
