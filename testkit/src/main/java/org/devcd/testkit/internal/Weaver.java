package org.devcd.testkit.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class so that every method calls {@code StaleCodeProbe.check(token)} at entry and right after every call it
 * makes: the points where a thread starts running, or returns into, the class's code. The inserted code pushes one int
 * and pops it, so no stack map frame changes. Public for devcd's weaving benchmark; the package is not exported.
 */
public final class Weaver {
    static final String PROBE_PACKAGE = "org.devcd.testkit.probe";
    private static final String PROBE = "org/devcd/testkit/probe/StaleCodeProbe";

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
                        check(); // the thread has returned into this method
                    }

                    private void check() {
                        super.visitLdcInsn(token);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "check", "(I)V", false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
