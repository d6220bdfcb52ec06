package org.gridgov.matching;

import org.gridgov.kit.test.ServiceConformanceTests;

class MatchingServiceConformanceIT extends ServiceConformanceTests {
}
