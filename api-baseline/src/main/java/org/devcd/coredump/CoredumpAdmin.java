package org.devcd.coredump;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface CoredumpAdmin {
    List<DumpInfo> list();

    DumpReader open(String name);

    boolean dismiss(String name);

    boolean disable();

    CoredumpStatus status();
}
