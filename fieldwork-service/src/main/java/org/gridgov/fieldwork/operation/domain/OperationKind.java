package org.gridgov.fieldwork.operation.domain;

/** What an emergency operation (战时攻坚) responds to. */
public enum OperationKind {
    FLOOD, FIRE, EPIDEMIC, SAFETY, OTHER
}
