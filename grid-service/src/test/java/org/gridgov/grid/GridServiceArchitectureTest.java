package org.gridgov.grid;

import org.gridgov.kit.test.ServiceArchitectureTests;

class GridServiceArchitectureTest extends ServiceArchitectureTests {
}
