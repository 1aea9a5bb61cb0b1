package org.devcd.core.internal.osgi;

/**
 * The JMX view of the coredump registry ({@code org.devcd:type=coredumps}): what {@code devcd:list}, {@code status},
 * {@code dismiss} and {@code disable} do, for JMX consoles. Dump contents are not exposed here. In Karaf the operations
 * are guarded by the JMX ACL shipped with the devcd feature.
 */
public interface CoredumpsMBean {

    /** @return one line per listed dump: name, bundle, version, device, size, created, deadline */
    String[] getDumps();

    /** @return the registry at a glance */
    String getStatus();

    /**
     * @param name {@code devcdN}
     * @return whether this call deleted it
     */
    boolean dismiss(String name);

    /** @return whether this call disabled coredumps (write-once) */
    boolean disable();
}
