package org.gridgov.member;

import org.gridgov.kit.test.ServiceConformanceTests;

class MemberServiceConformanceIT extends ServiceConformanceTests {
}
