/**
 * Pax Exam options that provision devcd in a test container. Used on the test driver's side (in {@code @Configuration}
 * methods); inside the framework this package is not needed, so its Pax Exam import is optional.
 */
@Export
@Version("1.0.0")
package org.devcd.testkit.exam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
