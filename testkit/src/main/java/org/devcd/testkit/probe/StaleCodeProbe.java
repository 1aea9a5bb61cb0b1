package org.devcd.testkit.probe;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.devcd.testkit.internal.Revisions;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Woven into every method of a watched bundle, at entry and after every call it makes out of its class: the moment a
 * thread runs, or returns into, code of a bundle revision that was uninstalled or refreshed, the detector records it.
 * While the revision is alive the check costs nothing in compiled code ({@link #alive}), or one array read in class
 * files too old for {@code invokedynamic} ({@link #check}).
 */
@ProviderType
public final class StaleCodeProbe {
    private static final MethodHandle CHECK;
    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));

    static {
        try {
            CHECK = MethodHandles.lookup().findStatic(StaleCodeProbe.class, "check",
                    MethodType.methodType(void.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StaleCodeProbe() {
    }

    /**
     * The bootstrap of a woven check: a call site that does nothing while the revision lives and calls
     * {@link #check} once its {@link java.lang.invoke.SwitchPoint} is invalidated by the revision's death.
     *
     * @param revision the token the weaver gave the revision of the calling class
     */
    public static CallSite alive(MethodHandles.Lookup caller, String name, MethodType type, int revision) {
        MethodHandle report = MethodHandles.insertArguments(CHECK, 0, revision);
        return new ConstantCallSite(Revisions.alive(revision).guardWithTest(NOTHING, report));
    }

    /**
     * @param revision the token the weaver gave the revision of the calling class
     */
    public static void check(int revision) {
        if (Revisions.isDead(revision)) {
            Revisions.report(revision);
        }
    }
}
