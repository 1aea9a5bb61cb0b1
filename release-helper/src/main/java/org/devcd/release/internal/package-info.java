/**
 * Not API. Implementation shared by {@code org.devcd.release} and {@code org.devcd.release.debug}: the core bundle
 * carries this package and never exports it, so no driver can link against it.
 */
package org.devcd.release.internal;
