package org.gridgov.wish;

import org.gridgov.kit.test.ServiceConformanceTests;

class WishServiceConformanceIT extends ServiceConformanceTests {
}
