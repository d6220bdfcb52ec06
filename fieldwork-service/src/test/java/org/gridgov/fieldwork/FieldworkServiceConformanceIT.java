package org.gridgov.fieldwork;

import org.gridgov.kit.test.ServiceConformanceTests;

class FieldworkServiceConformanceIT extends ServiceConformanceTests {
}
