package org.devcd.itests.leaks.corpus;

import java.util.UUID;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code class-value} ({@link org.devcd.itests.leaks.LeakKind#CLASS_VALUE}): computes a value of its own
 * class for a JDK class through a {@link ClassValue} of its own, as dynamic languages and serializers attach metadata
 * to classes (JDK-8136353, working as designed: the value keeps the {@code ClassValue}, and so the entry, alive).
 */
public final class ClassValueLeak implements BundleActivator {
    /** The JDK class the metadata is attached to. */
    public static final Class<?> KEY = UUID.class;

    /** Kept, as such caches are: the test reads it to undo the leak. */
    static final ClassValue<Meta> META = new ClassValue<>() {
        @Override
        protected Meta computeValue(Class<?> type) {
            return new Meta(type.getName());
        }
    };

    @Override
    public void start(BundleContext context) {
        META.get(KEY);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is META.remove(KEY) here.
    }

    /** Metadata about a class, of the bundle's class. */
    static final class Meta {
        final String about;

        Meta(String about) {
            this.about = about;
        }
    }
}
