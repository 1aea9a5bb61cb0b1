package org.devcd.coredump;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface CoredumpService {
    Registration dumpv(String device, byte[] data);

    Registration dumpm(String device, DumpSource source);

    Registration dumpm(String device, DumpSource source, Duration timeout);

    Registration dumpsg(String device, List<ByteBuffer> chunks);

    boolean put(String device);
}
