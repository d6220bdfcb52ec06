package org.gridgov.fieldwork;

import org.gridgov.kit.test.ServiceArchitectureTests;

class FieldworkServiceArchitectureTest extends ServiceArchitectureTests {
}
