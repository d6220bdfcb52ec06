package org.gridgov.grid.importing.domain;

/**
 * One reason an import was refused, pointing at what to fix: {@code section} is the list (or
 * {@code district}, {@code street}, {@code community}), {@code row} the 0-based index in that list
 * (null for the three areas), {@code field} the property (null for the row as a whole). Reasons
 * refer to other rows by position and never repeat an address: the report is personal-data free.
 */
public record ImportProblem(String section, Integer row, String field, String reason) {
}
