package org.gridgov.matching;

import org.gridgov.kit.test.ServiceArchitectureTests;

class MatchingServiceArchitectureTest extends ServiceArchitectureTests {
}
