package org.devcd.core.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * Every command has a catch-all overload ({@code Object...}) that Gogo calls only for arguments no real signature
     * fits; it says the usage, in one sentence without a stack trace.
     */
    @Test
    void argumentsThatFitNothingGetTheUsage() {
        CoredumpCommands commands = new CoredumpCommands(null);
        for (String command : List.of("list", "read", "dismiss", "disable", "status")) {
            assertThatThrownBy(() -> CoredumpCommands.class.getMethod(command, Object[].class)
                    .invoke(commands, (Object) new Object[] {"one", "too", "many"}))
                    .cause().isInstanceOf(CommandFailure.class).hasMessageStartingWith("usage: devcd:" + command)
                    .satisfies(failure -> assertThat(failure.getStackTrace()).isEmpty());
        }
    }
}
