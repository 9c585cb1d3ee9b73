package org.polcomp.sensitivity;

/**
 * A row of the {@code sensitivity_municipalities} table: how one municipality's profile,
 * structural share and rank by structural share (1 = the highest; equal shares share a rank)
 * vary over the samples.
 */
public record MunicipalityStability(String municipalityId, String municipality, Long measures,
    String profile, Long profileKept, Double profileKeptShare, Double structuralShare,
    Double structuralShareP05, Double structuralShareP95, Long rank, Long rankMin, Long rankMax,
    Long rankSpread, Boolean stable) {}
