package org.devcd.leakdoctor.heap.internal;

import java.util.HashMap;
import java.util.Map;

import org.devcd.leakdoctor.heap.Root;
import org.devcd.leakdoctor.heap.Root.Kind;
import shark.GcRoot;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;

/**
 * Names the GC roots of a heap dump: a root that belongs to a thread (its thread object, a local in one of its frames,
 * a JNI local or its native stack) by the thread's name, the others by the object they hold. Not thread-safe.
 */
final class RootNames {
    /** Thread names by the thread serial numbers the dump's frame roots refer to. */
    private final Map<Integer, String> threadNames = new HashMap<>();

    RootNames(HeapGraph graph) {
        for (GcRoot root : graph.getGcRoots()) {
            if (root instanceof GcRoot.ThreadObject thread) {
                threadNames.put(thread.getThreadSerialNumber(), threadName(graph.findObjectByIdOrNull(root.getId())));
            }
        }
    }

    /** Returns {@code root}, whose object is {@code object}, as the start of a chain. */
    Root name(GcRoot root, HeapObject object) {
        if (root instanceof GcRoot.ThreadObject) {
            return new Root(Kind.THREAD, "thread \"" + threadName(object) + "\" (thread object)");
        }
        if (root instanceof GcRoot.JavaFrame frame) {
            String where = frame.getFrameNumber() < 0 ? "java frame" : "java frame " + frame.getFrameNumber();
            return new Root(Kind.JAVA_FRAME, thread(frame.getThreadSerialNumber()) + " (" + where + ")");
        }
        if (root instanceof GcRoot.JniLocal local) {
            return new Root(Kind.JNI_LOCAL, thread(local.getThreadSerialNumber()) + " (JNI local)");
        }
        if (root instanceof GcRoot.NativeStack stack) {
            return new Root(Kind.OTHER, thread(stack.getThreadSerialNumber()) + " (native stack)");
        }
        if (root instanceof GcRoot.JniGlobal) {
            return new Root(Kind.JNI_GLOBAL, "JNI global reference to " + ObjectNames.describe(object));
        }
        if (root instanceof GcRoot.StickyClass && object instanceof HeapClass heapClass) {
            return new Root(Kind.SYSTEM_CLASS, "system class " + heapClass.getName());
        }
        if (root instanceof GcRoot.MonitorUsed) {
            return new Root(Kind.MONITOR, "monitor of " + ObjectNames.describe(object));
        }
        return new Root(Kind.OTHER, root.getClass().getSimpleName() + " " + ObjectNames.describe(object));
    }

    private String thread(int serialNumber) {
        return "thread \"" + threadNames.getOrDefault(serialNumber, "#" + serialNumber) + "\"";
    }

    private static String threadName(HeapObject thread) {
        HeapField name = thread instanceof HeapInstance instance ? instance.readField("java.lang.Thread", "name") : null;
        String text = name == null ? null : name.getValue().readAsJavaString();
        return text == null ? "?" : text;
    }
}
