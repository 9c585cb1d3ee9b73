/**
 * Validation: the rules of docs/format.md that need values, the codebook or other documents.
 *
 * <p>Takes {@link org.polcomp.model.Municipality} records with their locations (from {@code load})
 * and a {@link org.polcomp.model.Codebook}; gives {@link org.polcomp.diagnostic.Diagnostic}s
 * through a consumer. Shape errors (types, unknown and missing keys, dates) are the loader's;
 * what this stage checks is listed in the README's table of codes. Rules never throw and never
 * change the model.
 */
package org.polcomp.validate;
