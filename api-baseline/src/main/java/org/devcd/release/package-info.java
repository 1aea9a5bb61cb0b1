/**
 * Reference of {@code org.devcd.release} 1.0.0 for bnd baselining: the released signatures, no implementation.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.release;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
