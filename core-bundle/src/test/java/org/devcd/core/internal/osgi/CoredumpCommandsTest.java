package org.devcd.core.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.Test;

/** What a script and {@code help} see of the devcd commands, without a shell. */
class CoredumpCommandsTest {

    /** Every command and every parameter has a help text, and no command returns a value a script would not see. */
    @Test
    void everyCommandIsDescribedAndPrints() {
        List<Method> commands = Arrays.stream(CoredumpCommands.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())).toList();

        assertThat(commands).extracting(Method::getName).contains("list", "read", "dismiss", "disable", "status");
        for (Method command : commands) {
            assertThat(command.getAnnotation(Descriptor.class)).as(command.toString()).isNotNull();
            assertThat(command.getReturnType()).as(command.toString()).isEqualTo(void.class);
            for (Parameter parameter : command.getParameters()) {
                assertThat(parameter.getAnnotation(Descriptor.class)).as(command + " " + parameter).isNotNull();
            }
        }
    }

    /** A failure shows as one line starting with devcd:, never a Java class name. */
    @Test
    void aFailureIsOneSentence() {
        assertThat(new CommandFailure("no dump named 'devcd9'")).hasToString("devcd: no dump named 'devcd9'");
    }
}
