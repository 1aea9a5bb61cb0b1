package org.devcd.release;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class KObject implements SharedObject {
    public KObject(String name, Map<String, String> attributes) { throw new UnsupportedOperationException(); }

    @Override
    public String name() { throw new UnsupportedOperationException(); }

    @Override
    public Map<String, String> attributes() { throw new UnsupportedOperationException(); }

    @Override
    public boolean tryGet() { throw new UnsupportedOperationException(); }

    @Override
    public void put() { throw new UnsupportedOperationException(); }

    public void unregister(Duration bound) throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException();
    }

    public int refCnt() { throw new UnsupportedOperationException(); }

    @Override
    public String toString() { throw new UnsupportedOperationException(); }
}
