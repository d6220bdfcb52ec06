package org.gridgov.fieldwork.cases.domain;

/** Where a case is in its life (GB/T 30428: 立案 → 派遣 → 处理 → 反馈 → 核查 → 结案). */
public enum CaseStatus {
    REPORTED, FILED, DECLINED, REFERRED, ACKNOWLEDGED, HANDLED, CLOSED
}
