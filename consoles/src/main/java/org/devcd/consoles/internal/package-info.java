/**
 * devcd in the consoles operators already use: the Felix Inventory ({@link
 * org.devcd.consoles.internal.CoredumpInventoryPrinter}) and Karaf's diagnostic archive ({@link
 * org.devcd.consoles.internal.CoredumpDumpProvider}). Both show the registry through the public {@code
 * org.devcd.coredump} API only. Each console's API package is imported dynamically and its component stays disabled
 * until {@link org.devcd.consoles.internal.ConsolePackages} sees the package exported, so the bundle resolves,
 * starts and loads nothing of a console that is not there. Private: the bundle exports nothing.
 */
package org.devcd.consoles.internal;
