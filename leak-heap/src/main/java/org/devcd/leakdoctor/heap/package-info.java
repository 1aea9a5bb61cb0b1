/**
 * The leak doctor's heap paths: when an object that should be gone (typically the class loader of an uninstalled
 * bundle) is still there, {@link org.devcd.leakdoctor.heap.HeapPaths} dumps the heap and names exactly what holds it,
 * as the shortest strong {@link org.devcd.leakdoctor.heap.ReferenceChain} from a GC root to that object.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.leakdoctor.heap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
