package org.gridgov.committee.project.domain;

/** The committee's grade of a project at its quarterly joint meeting (项目评议). */
public enum Grade {
    EXCELLENT, GOOD, FAIR, POOR
}
