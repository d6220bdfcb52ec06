package org.gridgov.apps;

import org.gridgov.kit.test.ServiceConformanceTests;

class AppsServiceConformanceIT extends ServiceConformanceTests {
}
