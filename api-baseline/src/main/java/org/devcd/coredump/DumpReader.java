package org.devcd.coredump;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface DumpReader extends AutoCloseable {
    DumpInfo info();

    int read(long offset, ByteBuffer dst);

    @Override
    void close();
}
