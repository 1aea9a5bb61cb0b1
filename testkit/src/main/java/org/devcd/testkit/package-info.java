/**
 * The devcd test kit, for Pax Exam tests of bundles that must unload cleanly: {@link org.devcd.testkit.StaleCode} reports
 * threads that ran or returned into code of an uninstalled or refreshed bundle revision (a woven detector, active for the
 * bundles named by the framework property {@code devcd.testkit.watch}), and {@link org.devcd.testkit.Unloading} asserts
 * that a bundle's class loader becomes unreachable after uninstall and refresh.
 */
@Export
@Version("1.0.0")
package org.devcd.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
