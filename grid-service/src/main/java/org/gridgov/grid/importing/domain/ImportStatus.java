package org.gridgov.grid.importing.domain;

/** Where an import stands; the last three are final. */
public enum ImportStatus {
    QUEUED, VALIDATING, APPLYING, APPLIED, REJECTED, FAILED;

    public boolean isFinal() {
        return this == APPLIED || this == REJECTED || this == FAILED;
    }
}
