package org.polcomp.report.diagnostics;

import java.util.List;
import java.util.Objects;

/**
 * What a validate run read, for the report: the counts every format ends with, the input files in
 * the order they were read (JUnit gives each one a testcase, passing or not) and the version of
 * polcomp that wrote the report (SARIF names the tool).
 */
public record RunSummary(int files, int municipalities, long measures, int errors, int warnings,
    List<String> fileNames, String toolVersion) {

  public RunSummary {
    fileNames = List.copyOf(fileNames);
    Objects.requireNonNull(toolVersion, "toolVersion");
  }
}
