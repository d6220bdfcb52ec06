package org.gridgov.grid.tree.domain;

/** 小区网格 (residential) or 商圈网格 (commercial). */
public enum GridKind {
    RESIDENTIAL, COMMERCIAL
}
