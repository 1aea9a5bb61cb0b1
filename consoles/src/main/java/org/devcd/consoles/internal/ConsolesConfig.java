package org.devcd.consoles.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.devcd.consoles}. */
@ObjectClassDefinition(id = "org.devcd.consoles", name = "devcd consoles",
        description = "What devcd gives the consoles operators already use.")
@interface ConsolesConfig {

    @AttributeDefinition(name = "Dump contents in Karaf diagnostics", description = "true adds each dump's content "
            + "as devcd/dumps/NAME.bin to the archive dev:dump-create writes. Off by default: dumps may hold secrets, "
            + "and diagnostic archives travel. The Felix Inventory never shows contents.")
    boolean diagnostic_contents() default false;
}
