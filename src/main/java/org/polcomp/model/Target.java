package org.polcomp.model;

import java.util.List;

/** Whom a measure addresses: the groups (codebook ids), free-text eligibility, proxy flag. */
public record Target(List<String> groups, String eligibility, boolean proxy) {
  public Target {
    groups = List.copyOf(groups);
  }
}
