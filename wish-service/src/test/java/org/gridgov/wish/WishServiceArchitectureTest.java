package org.gridgov.wish;

import org.gridgov.kit.test.ServiceArchitectureTests;

class WishServiceArchitectureTest extends ServiceArchitectureTests {
}
