package org.devcd.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;

import org.devcd.testkit.StaleCode;
import org.devcd.testkit.StaleCodeReport;
import org.junit.jupiter.api.Test;

/** The weaver and the revision registry, outside OSGi: a woven class reports code run after its revision died. */
class WeaverTest {

    /** A woven class runs normally while its revision lives, and every entry or return is reported once it is dead. */
    @Test
    void wovenCodeIsReportedOnlyAfterItsRevisionDied() throws Exception {
        long bundleId = 4242;
        int token = Revisions.register(bundleId, "org.example.woven");
        Callable<?> woven = (Callable<?>) load(Sample.class, token).getConstructor().newInstance();

        assertThat(woven.call()).isEqualTo("sample:3");
        assertThat(StaleCode.reportsAbout("org.example.woven")).isEmpty();
        assertThat(StaleCode.wovenClasses("org.example.woven")).isEqualTo(1);

        Revisions.kill(bundleId, "UNINSTALLED");
        assertThat(woven.call()).isEqualTo("sample:3");

        assertThat(StaleCode.reportsAbout("org.example.woven"))
                .extracting(StaleCodeReport::at)
                .contains(Sample.class.getName() + ".call", Sample.class.getName() + ".length");
        assertThat(StaleCode.reportsAbout("org.example.woven").get(0).toString())
                .startsWith("thread '" + Thread.currentThread().getName() + "' ran " + Sample.class.getName()
                        + ".call of org.example.woven [4242] after it was UNINSTALLED");
    }

    /** Defines a woven copy of {@code type} in a loader of its own, delegating everything else to this test's loader. */
    private static Class<?> load(Class<?> type, int token) throws IOException, ClassNotFoundException {
        byte[] bytes;
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            bytes = in.readAllBytes();
        }
        byte[] woven = Weaver.weave(bytes, token);
        ClassLoader loader = new ClassLoader(WeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(type.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, woven, 0, woven.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return loader.loadClass(type.getName());
    }

    /** The class woven in the test. */
    public static final class Sample implements Callable<String> {
        @Override
        public String call() {
            return "sample:" + length("abc");
        }

        private static int length(String text) {
            return text.length();
        }
    }
}
