/**
 * The call the stale-code detector weaves into watched classes. Woven classes import this package dynamically; nothing
 * else should use it.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.testkit.probe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
