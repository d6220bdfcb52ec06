package org.gridgov.committee;

import org.gridgov.kit.test.ServiceArchitectureTests;

class CommitteeServiceArchitectureTest extends ServiceArchitectureTests {
}
