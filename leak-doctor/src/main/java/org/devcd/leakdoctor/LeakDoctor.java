package org.devcd.leakdoctor;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;

import org.devcd.leakdoctor.internal.HeapPathStep;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The leak doctor's one entry point: why is this class loader still in memory? Cheap attribution first
 * ({@link Attribution#of}: threads, thread locals, registrations, no heap dump), then the heap path: the shortest strong
 * reference chain from a GC root, found in a heap dump by the bundle {@code org.devcd.leakdoctor.heap} (Square's Shark
 * inside) where it is installed. Used by the test kit's {@code Unloading} when a bundle does not unload, and by the
 * zombie monitor's {@code why}.
 */
@ProviderType
public final class LeakDoctor {
    private LeakDoctor() {
    }

    /**
     * Diagnoses the loader {@code loader} refers to. Holds it strongly only while the live JVM is inspected, never
     * during the heap dump (a local variable of this thread would otherwise be the root of the chain). Never throws for
     * a failed heap path, also not when the analysis runs out of heap (it needs free heap of about the live heap's size:
     * 382 MB over a 189 MB live heap, measured): the diagnosis says what happened.
     *
     * @param loader   the loader, weakly
     * @param revision how to name what the loader belonged to, e.g. {@code org.acme.foo [42] rev 0}
     * @param dumpFile where to write the heap dump (removed after the analysis); its folder must exist
     * @return the diagnosis; if the loader is already collected, one that says so
     */
    public static Diagnosis diagnose(WeakReference<? extends ClassLoader> loader, String revision, Path dumpFile) {
        List<Culprit> culprits = attribute(loader);
        if (culprits == null) {
            return new Diagnosis(revision, List.of(), List.of(), "not run: the class loader was collected, nothing "
                    + "holds it any more");
        }
        try {
            HeapPathStep.Found found = HeapPathStep.find(loader, dumpFile);
            return new Diagnosis(revision, culprits, found.chain(), found.summary());
        } catch (NoClassDefFoundError absent) {
            return new Diagnosis(revision, culprits, List.of(), "not run: install the bundle "
                    + "org.devcd.leakdoctor.heap (devcd's heap path) to get the reference chain from a GC root");
        } catch (IOException e) {
            return new Diagnosis(revision, culprits, List.of(), "failed: the heap dump " + dumpFile
                    + " could not be written or read (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            // The analysis' own index, all of it garbage once this frame is gone: the JVM goes on.
            Runtime runtime = Runtime.getRuntime();
            return new Diagnosis(revision, culprits, List.of(), "failed: the analysis ran out of heap (-Xmx "
                    + (runtime.maxMemory() >> 20) + " MB); it needs free heap of about the live heap's size, so run "
                    + "it where there is that much headroom");
        }
    }

    /** @return the culprits, or null if the loader is collected; the strong reference ends with this frame */
    private static List<Culprit> attribute(WeakReference<? extends ClassLoader> loader) {
        ClassLoader strong = loader.get();
        return strong == null ? null : Attribution.of(strong);
    }
}
