package org.gridgov.gateway;

import org.gridgov.kit.test.ServiceConformanceTests;

class GatewayConformanceIT extends ServiceConformanceTests {
}
