package org.devcd.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.devcd.testkit.StaleCode;
import org.devcd.testkit.StaleCodeReport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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

    /**
     * Checks go at each method's entry and after each call out of the class; a call within the class is checked by the
     * callee's own entry: {@code call()} calls only its own {@code length}, {@code length} calls {@code String.length}.
     */
    @Test
    void callsWithinTheClassAreCheckedAtTheCalleesEntryOnly() throws IOException {
        Map<String, Integer> checks = new HashMap<>();
        new ClassReader(Weaver.weave(classBytes(Sample.class), 7)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String site, String siteDescriptor, Handle bootstrap,
                            Object... arguments) {
                        if (bootstrap.getOwner().endsWith("StaleCodeProbe")) {
                            checks.merge(name + descriptor, 1, Integer::sum);
                        }
                    }
                };
            }
        }, 0);
        assertThat(checks).containsEntry("call()Ljava/lang/String;", 1)
                .containsEntry("length(Ljava/lang/String;)I", 2);
    }

    /** Defines a woven copy of {@code type} in a loader of its own, delegating everything else to this test's loader. */
    private static Class<?> load(Class<?> type, int token) throws IOException, ClassNotFoundException {
        byte[] woven = Weaver.weave(classBytes(type), token);
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

    private static byte[] classBytes(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
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
