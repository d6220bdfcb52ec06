package org.gridgov.member;

import org.gridgov.kit.test.ServiceConformanceTests;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/** Shares the application context of the other integration tests: keep its annotations the same as theirs. */
@AutoConfigureWebTestClient(timeout = MemberServiceIntegrationTest.RESPONSE_TIMEOUT)
class MemberServiceConformanceIT extends ServiceConformanceTests {
}
