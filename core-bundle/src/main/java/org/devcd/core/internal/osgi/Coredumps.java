package org.devcd.core.internal.osgi;

import org.devcd.coredump.CoredumpAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The coredump MBean, registered through the JMX whiteboard ({@code jmx.objectname}) where there is one, as in Karaf.
 */
@Component(service = CoredumpsMBean.class, property = "jmx.objectname=org.devcd:type=coredumps")
public final class Coredumps implements CoredumpsMBean {
    private final CoredumpAdmin admin;

    @Activate
    public Coredumps(@Reference CoredumpAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String[] getDumps() {
        return admin.list().stream()
                .map(d -> String.join(" ", d.name(), d.bundleSymbolicName(), d.bundleVersion(), d.device(),
                        Long.toString(d.size()), d.created().toString(), d.deadline().toString()))
                .toArray(String[]::new);
    }

    @Override
    public String getStatus() {
        return CoredumpCommands.status(admin.status(), admin.counts());
    }

    @Override
    public boolean dismiss(String name) {
        return admin.dismiss(name);
    }

    @Override
    public boolean disable() {
        return admin.disable();
    }
}
