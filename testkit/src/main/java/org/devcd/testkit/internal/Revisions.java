package org.devcd.testkit.internal;

import java.lang.invoke.SwitchPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.devcd.testkit.StaleCodeReport;

/**
 * The detector's state: one token per woven class (its bundle id and name, never the bundle or class itself, so the
 * detector pins no loader), a dead flag per token, and the reports. Tokens are indexes into arrays that only grow.
 */
public final class Revisions {
    private static final int MAX_REPORTS = 1000;

    private static final Object LOCK = new Object();
    /** Written under {@link #LOCK}, published by the volatile write of the array reference. */
    private static volatile boolean[] dead = new boolean[64];
    private static volatile long[] bundleIds = new long[64];
    private static volatile String[] symbolicNames = new String[64];
    private static volatile String[] deaths = new String[64];
    /** Valid while the token's revision lives; invalidated by {@link #kill}. Guarded by {@link #LOCK}. */
    private static SwitchPoint[] alive = new SwitchPoint[64];
    private static int next;
    private static final List<StaleCodeReport> REPORTS = new CopyOnWriteArrayList<>();

    private Revisions() {
    }

    /** @return a token for a class of bundle {@code bundleId} being woven now */
    public static int register(long bundleId, String symbolicName) {
        synchronized (LOCK) {
            boolean[] flags = dead;
            if (next == flags.length) {
                int size = next * 2;
                bundleIds = Arrays.copyOf(bundleIds, size);
                symbolicNames = Arrays.copyOf(symbolicNames, size);
                deaths = Arrays.copyOf(deaths, size);
                alive = Arrays.copyOf(alive, size);
                flags = Arrays.copyOf(flags, size);
            }
            bundleIds[next] = bundleId;
            symbolicNames[next] = symbolicName;
            alive[next] = new SwitchPoint();
            dead = flags; // volatile write: publishes the token's entries before the woven class can run
            return next++;
        }
    }

    /** Marks every token of bundle {@code bundleId} registered so far dead, for the reason {@code death}. */
    static void kill(long bundleId, String death) {
        List<SwitchPoint> died = new ArrayList<>();
        synchronized (LOCK) {
            boolean[] flags = dead;
            for (int token = 0; token < next; token++) {
                if (bundleIds[token] == bundleId && !flags[token]) {
                    deaths[token] = death;
                    flags[token] = true;
                    died.add(alive[token]);
                }
            }
            dead = flags; // volatile write: the flags become visible to every later check
        }
        // After the flags: a call site that sees its switch point invalidated finds its token dead when it reports.
        SwitchPoint.invalidateAll(died.toArray(SwitchPoint[]::new));
    }

    /**
     * @return the switch point of {@code token}'s revision, valid while it lives (a fresh, invalidated one for a token
     *     never registered, so that a stray check reports rather than stays silent)
     */
    public static SwitchPoint alive(int token) {
        SwitchPoint point;
        synchronized (LOCK) { // once per call site, when it links: not a hot path
            point = token >= 0 && token < next ? alive[token] : null;
        }
        if (point == null) {
            point = new SwitchPoint();
            SwitchPoint.invalidateAll(new SwitchPoint[] {point});
        }
        return point;
    }

    /** @return whether the revision of {@code token} is dead; one volatile read and an array read */
    public static boolean isDead(int token) {
        boolean[] flags = dead;
        return token < flags.length && flags[token];
    }

    /** Records that the calling thread is in code of a dead revision. Called by the woven check, so: the caller's caller. */
    public static void report(int token) {
        if (REPORTS.size() >= MAX_REPORTS) {
            return;
        }
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StackTraceElement at = stack.length > 2 ? stack[2] : null;
        String where = at == null ? "?" : at.getClassName() + "." + at.getMethodName();
        String symbolicName;
        long bundleId;
        String death;
        synchronized (LOCK) {
            symbolicName = symbolicNames[token];
            bundleId = bundleIds[token];
            death = deaths[token];
        }
        REPORTS.add(new StaleCodeReport(symbolicName, bundleId, death, Thread.currentThread().getName(), where));
    }

    /** @return every report so far */
    public static List<StaleCodeReport> reports() {
        return new ArrayList<>(REPORTS);
    }

    /** @return how many classes of {@code symbolicName} were woven */
    public static int wovenClasses(String symbolicName) {
        synchronized (LOCK) {
            int count = 0;
            for (int token = 0; token < next; token++) {
                if (symbolicName.equals(symbolicNames[token])) {
                    count++;
                }
            }
            return count;
        }
    }
}
