package org.devcd.leakdoctor.monitor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The monitor's configuration, PID {@code org.devcd.leakdoctor.monitor}. */
@ObjectClassDefinition(name = "devcd zombie monitor",
        description = "Watches removed bundle revisions and reports those whose class loader outlives full collections")
public @interface MonitorConfig {

    @AttributeDefinition(name = "Full collections",
            description = "How many full garbage collections a removed revision's class loader must survive to be "
                    + "reported as a zombie (at least 1)")
    int full_collections() default 3;
}
