package org.devcd.leakdoctor.monitor.internal;

import org.devcd.leakdoctor.monitor.Zombie;
import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The zombie MBean, registered through the JMX whiteboard ({@code jmx.objectname}) where there is one, as in Karaf
 * (whose {@code jmx.acl} then guards {@code why}).
 */
@Component(service = ZombiesMBean.class, property = "jmx.objectname=org.devcd:type=zombies")
public final class Zombies implements ZombiesMBean {
    private final ZombieMonitor monitor;

    @Activate
    public Zombies(@Reference ZombieMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String[] getZombies() {
        return monitor.zombies().stream().map(Zombie::toString).toArray(String[]::new);
    }

    @Override
    public String[] getPending() {
        return monitor.pending().stream().map(Zombie::toString).toArray(String[]::new);
    }

    @Override
    public String why(long bundleId) {
        return monitor.why(bundleId).render();
    }
}
