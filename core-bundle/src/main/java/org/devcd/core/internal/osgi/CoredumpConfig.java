package org.devcd.core.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.devcd.coredump}; every value is checked, and a bad one keeps the previous settings. */
@ObjectClassDefinition(id = "org.devcd.coredump", name = "devcd device coredumps",
        description = "Limits and lifetime of the device coredumps that driver bundles register.")
@interface CoredumpConfig {

    @AttributeDefinition(name = "Timeout (seconds)", min = "1",
            description = "How long a dump stays unless its driver gave a timeout (the kernel's DEVCD_TIMEOUT).")
    long timeout_seconds() default 300;

    @AttributeDefinition(name = "Disabled", description = "Write-once lockdown: true discards new dumps and deletes "
            + "every listed one; setting it back to false has no effect until the framework restarts.")
    boolean disabled() default false;

    @AttributeDefinition(name = "Maximum dump size (bytes)", min = "0",
            description = "A larger dump is discarded and its data freed.")
    long max_dump_bytes() default 64L << 20;

    @AttributeDefinition(name = "Maximum dumps", min = "0", description = "How many dumps are held at once.")
    int max_dumps() default 1000;

    @AttributeDefinition(name = "Maximum total bytes", min = "0", description = "How many bytes all dumps hold at once.")
    long max_total_bytes() default 256L << 20;

    @AttributeDefinition(name = "Drain timeout (milliseconds)", min = "0",
            description = "The longest a deletion waits for reads in flight, and a driver stop for calls into it.")
    long drain_timeout_millis() default 5000;
}
