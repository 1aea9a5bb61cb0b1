package org.devcd.leakdoctor.heap.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;

/**
 * Writes a heap dump of this JVM through the HotSpot diagnostic MBean. It is called by name through the platform
 * MBean server because a bundle cannot import {@code com.sun.management}.
 */
public final class HeapDumper {
    private static final String MBEAN = "com.sun.management:type=HotSpotDiagnostic";

    private HeapDumper() {
    }

    /**
     * Writes the live objects of the heap to {@code file} (a full garbage collection runs first, so the dump holds only
     * what is reachable, and weak references to what was not strongly reachable are cleared). All threads are stopped
     * while it runs.
     *
     * @throws IOException if the file cannot be written, or this JVM has no HotSpot diagnostic MBean
     */
    public static void dumpLiveObjects(Path file) throws IOException {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(MBEAN), "dumpHeap",
                    new Object[] {file.toAbsolutePath().toString(), true},
                    new String[] {String.class.getName(), boolean.class.getName()});
        } catch (MBeanException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("heap dump to " + file + " failed", e.getCause());
        } catch (RuntimeMBeanException e) {
            throw new IOException("heap dump to " + file + " failed", e.getCause());
        } catch (InstanceNotFoundException | ReflectionException | MalformedObjectNameException e) {
            throw new IOException("this JVM cannot dump its heap: no " + MBEAN + " MBean", e);
        }
    }
}
