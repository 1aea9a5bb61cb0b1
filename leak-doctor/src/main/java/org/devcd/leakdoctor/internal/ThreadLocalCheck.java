package org.devcd.leakdoctor.internal;

import java.lang.ref.Reference;
import java.lang.reflect.Field;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#THREAD_LOCAL}: thread-local entries on live threads whose value, or whose thread local, belongs to the
 * loader. A value of the bundle's class pins the loader for as long as the thread lives (the classic pool-thread leak);
 * a thread local of the bundle's class is weakly held by its entry, but its value often reaches the bundle. Each
 * thread's {@code ThreadLocal.ThreadLocalMap} (plain and inheritable) is private to {@code java.lang}: needs
 * {@code --add-opens java.base/java.lang}.
 *
 * <p>The maps belong to their threads and are read without their cooperation: an entry set or removed during the
 * inspection may or may not be seen, nothing worse.
 */
public final class ThreadLocalCheck implements Check {

    @Override
    public String subject() {
        return "thread-local values";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) throws ClosedInternalException {
        Field plain = Internals.open(Thread.class, "threadLocals");
        Field inheritable = Internals.open(Thread.class, "inheritableThreadLocals");
        Field table = Internals.open(plain.getType(), "table");
        Field value = Internals.open(table.getType().getComponentType(), "value");
        for (Thread thread : LiveThreads.all()) {
            for (Field locals : new Field[] {plain, inheritable}) {
                Object map = Internals.read(locals, thread);
                Object[] entries = map == null ? null : (Object[]) Internals.read(table, map);
                if (entries == null) {
                    continue;
                }
                for (Object entry : entries) {
                    if (entry != null) {
                        report(thread, ((Reference<?>) entry).get(), Internals.read(value, entry), ownership, findings);
                    }
                }
            }
        }
    }

    private static void report(Thread thread, Object local, Object value, Ownership ownership, Findings findings) {
        if (ownership.owns(value) || ownership.owns(local)) {
            String key = local == null ? "a thread local already collected"
                    : "thread local " + ownership.describe(local);
            findings.add(Kind.THREAD_LOCAL, "thread " + LiveThreads.label(thread) + " holds value "
                    + ownership.describe(value) + " in " + key);
        }
    }
}
