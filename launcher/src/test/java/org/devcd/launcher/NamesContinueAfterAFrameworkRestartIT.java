package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.devcd.launcher.PackedFramework.Remote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names are never given twice: a framework started again on the same storage goes on from the last name. */
class NamesContinueAfterAFrameworkRestartIT {
    private static final String DRIVERS = "org.devcd.coredump.CoredumpService";

    /** devcdN before a clean stop of the whole framework, devcdN+1 after its restart. */
    @Test
    void namesContinueAfterAFrameworkRestart(@TempDir Path storage) throws Exception {
        long last;
        PackedFramework first = PackedFramework.install(storage);
        try {
            last = number(registeredName(first.service(DRIVERS).call("dumpv", "restart0", new byte[1])));
        } finally {
            first.stop();
        }

        PackedFramework second = PackedFramework.restart(storage);
        try {
            assertThat(registeredName(second.service(DRIVERS).call("dumpv", "restart0", new byte[1])))
                    .isEqualTo("devcd" + (last + 1));
        } finally {
            second.stop();
        }
    }

    /** @return the name of a {@code Registration.Registered}; fails on a {@code Discarded} */
    private static String registeredName(Object registration) throws Exception {
        assertThat(registration.getClass().getSimpleName()).as("registration %s", registration).isEqualTo("Registered");
        return (String) Remote.get(registration, "name");
    }

    private static long number(String name) {
        assertThat(name).startsWith("devcd");
        return Long.parseLong(name.substring("devcd".length()));
    }
}
