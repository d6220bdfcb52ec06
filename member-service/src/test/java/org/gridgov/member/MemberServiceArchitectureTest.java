package org.gridgov.member;

import org.gridgov.kit.test.ServiceArchitectureTests;

class MemberServiceArchitectureTest extends ServiceArchitectureTests {
}
