package org.gridgov.grid;

import org.gridgov.kit.test.ServiceConformanceTests;

class GridServiceConformanceIT extends ServiceConformanceTests {
}
