package org.devcd.leakdoctor.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#SHUTDOWN_HOOK}: registered shutdown hooks (threads not yet started) that hold the loader by their class,
 * their {@code Runnable} or their context class loader. The registry, {@code ApplicationShutdownHooks.hooks}, is
 * private to {@code java.lang}: needs {@code --add-opens java.base/java.lang}. It is copied under the lock the JDK
 * guards it with (the class itself), which no JDK code holds for longer than a map update.
 */
public final class ShutdownHookCheck implements Check {

    @Override
    public String subject() {
        return "shutdown hooks";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) throws ClosedInternalException {
        Class<?> registry = Internals.jdkClass("java.lang.ApplicationShutdownHooks");
        Field hooks = Internals.open(registry, "hooks");
        ThreadTies ties = ThreadTies.withTargets();
        List<Thread> registered = new ArrayList<>();
        synchronized (registry) {
            Map<?, ?> map = (Map<?, ?>) Internals.read(hooks, null);
            if (map != null) { // null once the JVM began to shut down
                map.keySet().forEach(hook -> registered.add((Thread) hook));
            }
        }
        for (Thread hook : registered) {
            List<String> how = ties.of(hook, ownership);
            if (!how.isEmpty()) {
                findings.add(Kind.SHUTDOWN_HOOK,
                        "shutdown hook \"" + hook.getName() + "\" " + String.join(" and ", how));
            }
        }
    }
}
