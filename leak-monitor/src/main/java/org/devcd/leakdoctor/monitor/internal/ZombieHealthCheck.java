package org.devcd.leakdoctor.monitor.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.devcd.leakdoctor.monitor.Zombie;
import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A Felix Health Check, tags {@code devcd} and {@code leaks}: WARN while there are zombie revisions, each named with
 * what to run next, OK otherwise.
 *
 * <p>The monitor resolves and works without the Health Check API, which it imports dynamically. This component needs
 * nothing but the monitor, so it is always satisfied (Karaf's {@code bundle:list} shows no "Waiting" without a Health
 * Check runtime). It is a delayed component: SCR registers its service by name and loads this class only when
 * somebody gets the service, and only a Health Check executor asks for {@code HealthCheck} services; so without one
 * the class, and the API it needs, are never loaded.
 */
@Component(service = HealthCheck.class, property = {
    HealthCheck.NAME + "=devcd zombie revisions",
    HealthCheck.TAGS + "=devcd",
    HealthCheck.TAGS + "=leaks"
})
public final class ZombieHealthCheck implements HealthCheck {
    private final ZombieMonitor monitor;

    @Activate
    public ZombieHealthCheck(@Reference ZombieMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        List<Zombie> zombies = monitor.zombies();
        if (zombies.isEmpty()) {
            log.info("no zombie revisions ({} removed revision(s) not collected yet)", monitor.pending().size());
        }
        for (Zombie zombie : zombies) {
            log.warn("zombie revision {}; devcd:why {} says what holds it", zombie, zombie.bundleId());
        }
        return new Result(log);
    }
}
