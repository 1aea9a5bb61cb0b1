package org.devcd.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.devcd.leakdoctor.Diagnosis;
import org.devcd.leakdoctor.LeakDoctor;

/**
 * What a leak doctor's diagnosis costs on a heap of about 200 MB of live, small objects (the shape that makes a heap
 * dump slow to analyse): wall time, the heap dump's size, and the peak heap the analysis needs on top of the live heap.
 * One shot, not JMH: a diagnosis runs once per question. Run with {@code -Xmx1g}:
 * {@code java -Xmx1g -cp benchmarks/target/devcd-benchmarks.jar org.devcd.benchmarks.DoctorCost [MB]}.
 */
public final class DoctorCost {
    /** The leak the doctor explains: a class loader kept through a static map, as a forgotten cache keeps one. */
    static final Map<Object, Object> CACHE = new ConcurrentHashMap<>();

    private DoctorCost() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<Object[]> live = ballast(megabytes);
        ClassLoader leaked = new ClassLoader("leaked-by-DoctorCost", DoctorCost.class.getClassLoader()) { };
        CACHE.put(leaked, "kept");
        WeakReference<ClassLoader> loader = new WeakReference<>(leaked);
        leaked = null;

        System.gc();
        long liveBytes = heapUsed();
        resetPeaks();
        Path dump = Files.createTempDirectory("devcd-doctor-cost").resolve("doctor.hprof");
        long started = System.nanoTime();
        Diagnosis diagnosis = LeakDoctor.diagnose(loader, "a loader kept in DoctorCost.CACHE", dump);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = heapPeak();

        System.out.print(diagnosis.render());
        System.out.printf(Locale.ROOT, "%nlive heap %,d MB (%,d arrays of small objects); diagnosis %,d ms in all;"
                + " heap peak during it %,d MB, %,d MB over the live heap%n", liveBytes >> 20, live.size(), millis,
                peak >> 20, (peak - liveBytes) >> 20);
        Files.deleteIfExists(dump.getParent());
    }

    /** About {@code megabytes} of live objects: arrays of 64 small {@code Long}s, about 1.5 KB each. */
    private static List<Object[]> ballast(int megabytes) {
        List<Object[]> live = new ArrayList<>();
        long target = (long) megabytes << 20;
        long start = heapUsed();
        for (long n = 0; heapUsed() - start < target; n++) {
            Object[] chunk = new Object[64];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = Long.valueOf(n * 64 + i + 1_000);
            }
            live.add(chunk);
        }
        return live;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks}: an upper bound of the peak heap in use. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
