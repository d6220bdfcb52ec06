package org.gridgov.apps;

import org.gridgov.kit.test.ServiceArchitectureTests;

class AppsServiceArchitectureTest extends ServiceArchitectureTests {
}
