package org.devcd.leakdoctor.monitor.internal;

import org.devcd.leakdoctor.monitor.Zombie;

/**
 * Told once about each revision that becomes a zombie, on the JDK's GC notification thread: return quickly. The
 * monitor's whiteboard: {@link ZombieEventPoster} is one while Event Admin runs.
 */
public interface ZombieListener {
    void zombie(Zombie zombie);
}
