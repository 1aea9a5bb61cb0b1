package org.devcd.release;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

@ConsumerType
public interface SharedObject {
    String name();

    Map<String, String> attributes();

    boolean tryGet();

    void put();
}
