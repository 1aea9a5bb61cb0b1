package org.devcd.testkit.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class so that every method calls {@code StaleCodeProbe.check(token)} at entry and right after every call it
 * makes to another class: the points where a thread starts running, or returns into, the class's code. A call to a
 * method of the same class gets no check after it: the callee checked at its own entry and after its own calls out, so
 * a thread can only come back into dead code through it if the revision died while the callee ran none of its calls,
 * and the caller's next check (its next call out, or any entry) reports it then. That halves the checks of call-heavy
 * code (a recursive method, small private helpers).
 *
 * <p>A check is an {@code invokedynamic} whose call site {@code StaleCodeProbe.alive} links to nothing while the
 * revision lives, guarded by the revision's {@link java.lang.invoke.SwitchPoint}: compiled code pays nothing for it, and
 * when the revision dies the JVM drops that code and the site reports. Class files older than Java 7, which cannot hold
 * {@code invokedynamic}, get a plain call of {@code StaleCodeProbe.check(token)} instead (one array read). Either way the
 * inserted code leaves the operand stack as it was, so no stack map frame changes. Public for devcd's weaving benchmark;
 * the package is not exported.
 */
public final class Weaver {
    static final String PROBE_PACKAGE = "org.devcd.testkit.probe";
    private static final String PROBE = "org/devcd/testkit/probe/StaleCodeProbe";
    private static final Handle ALIVE = new Handle(Opcodes.H_INVOKESTATIC, PROBE, "alive",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)"
                    + "Ljava/lang/invoke/CallSite;", false);
    /** The class file major version of Java 7, the first with {@code invokedynamic}. */
    private static final int JAVA_7 = 51;

    private Weaver() {
    }

    /**
     * @param classBytes a class file
     * @param token the revision token {@code StaleCodeProbe.check} receives
     * @return the class file with the checks woven in
     */
    public static byte[] weave(byte[] classBytes, int token) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        String self = reader.getClassName();
        boolean indy = reader.readUnsignedShort(6) >= JAVA_7;
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (method == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return method;
                }
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        check();
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor,
                            boolean isInterface) {
                        super.visitMethodInsn(opcode, owner, callee, calleeDescriptor, isInterface);
                        if (!owner.equals(self)) {
                            check(); // the thread has returned into this method from another class
                        }
                    }

                    private void check() {
                        if (indy) {
                            super.visitInvokeDynamicInsn("alive", "()V", ALIVE, token);
                        } else {
                            super.visitLdcInsn(token);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "check", "(I)V", false);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
