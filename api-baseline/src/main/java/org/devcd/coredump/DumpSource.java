package org.devcd.coredump;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

@ConsumerType
public interface DumpSource {
    long size();

    int read(long offset, ByteBuffer dst);

    void free();
}
