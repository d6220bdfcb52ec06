package org.gridgov.fieldwork.patrol.domain;

public enum PatrolStatus {
    IN_PROGRESS, ENDED
}
