package org.devcd.leakdoctor.monitor.internal;

/** The JMX view of the zombie monitor, {@code org.devcd:type=zombies}. */
public interface ZombiesMBean {

    /** @return one line per zombie revision: {@code SYMBOLIC-NAME [ID] rev N (version V): removed ..., ...} */
    String[] getZombies();

    /** @return one line per removed revision not collected yet that is no zombie (yet) */
    String[] getPending();

    /**
     * Says what holds the zombie revision of bundle {@code bundleId}; takes a heap dump (see {@code devcd:why}).
     *
     * @return the diagnosis, as {@code devcd:why} prints it
     */
    String why(long bundleId);
}
