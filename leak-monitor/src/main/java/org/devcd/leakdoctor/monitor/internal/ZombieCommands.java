package org.devcd.leakdoctor.monitor.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.devcd.leakdoctor.monitor.Zombie;
import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo (and Karaf) commands {@code devcd:zombies} and {@code devcd:why ID}. Each prints to the session's console
 * ({@code System.out}, which Gogo and Karaf route to the session running the command) and returns nothing, so scripts
 * see the output; a failure throws with one sentence, so a script sees a non-zero exit. As with the coredump
 * commands, an {@code Object...} overload of each catches the arguments no real signature fits and says the usage
 * (Gogo prefers any exact fit to it).
 */
@Component(service = ZombieCommands.class, property = {
    "osgi.command.scope=devcd",
    "osgi.command.function=zombies",
    "osgi.command.function=why"
})
public final class ZombieCommands {
    private final ZombieMonitor monitor;

    @Activate
    public ZombieCommands(@Reference ZombieMonitor monitor) {
        this.monitor = monitor;
    }

    @Descriptor("list removed bundle revisions whose class loader outlived several full collections (zombies)")
    public void zombies() {
        List<Zombie> zombies = monitor.zombies();
        int pending = monitor.pending().size();
        PrintStream out = System.out;
        if (zombies.isEmpty()) {
            out.println("no zombie revisions" + (pending == 0 ? "" : " (" + pending + " removed revision(s) not "
                    + "collected yet: no or too few full collections since their removal)"));
            return;
        }
        for (Zombie zombie : zombies) {
            out.println(zombie);
        }
        out.println("devcd:why BUNDLE-ID says what holds one (it takes a heap dump)");
    }

    @Descriptor("wrong arguments: show how to call devcd:zombies")
    public void zombies(@Descriptor("none expected") Object... wrong) {
        throw new CommandFailure("usage: devcd:zombies (no arguments)");
    }

    @Descriptor("say what holds a zombie revision: live threads and registrations, then the reference chain from a GC "
            + "root (takes a heap dump of the JVM: a pause, and disk space the size of the heap until it is analysed)")
    public void why(@Descriptor("the bundle id devcd:zombies shows in brackets") long bundleId) {
        try {
            System.out.print(monitor.why(bundleId).render());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Descriptor("wrong arguments: show how to call devcd:why")
    public void why(@Descriptor("one bundle id expected") Object... wrong) {
        throw new CommandFailure("usage: devcd:why BUNDLE-ID (the number devcd:zombies shows in brackets)");
    }
}
