package org.gridgov.committee;

import org.gridgov.kit.test.ServiceConformanceTests;

class CommitteeServiceConformanceIT extends ServiceConformanceTests {
}
