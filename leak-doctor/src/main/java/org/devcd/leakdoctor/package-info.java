/**
 * The cheap half of devcd's leak doctor: when an uninstalled bundle's class loader stays reachable, name what holds it
 * without a heap dump. {@link org.devcd.leakdoctor.Attribution} inspects the live JVM for the well-known holders (a
 * thread, a thread-local value, a JDBC driver, a shutdown hook, a timer task, an MBean, a security provider, a log
 * handler) and answers in {@link org.devcd.leakdoctor.Culprit}s; {@link org.devcd.leakdoctor.GcWitness} decides whether
 * a weakly referenced loader was collected by witnessing collections instead of sleeping, and lets a production monitor
 * learn, after each full collection, which of its weak references survived. What neither finds, the heap path
 * ({@code org.devcd.leakdoctor.heap}) does.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.leakdoctor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
