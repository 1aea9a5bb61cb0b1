package org.devcd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TimelineTest {

    /** Steps print in order, each in its thread's column, under a header naming the two threads. */
    @Test
    void printsStepsInOrderInTheirColumns() {
        Timeline timeline = new Timeline("driver's thread", "holder's thread");
        timeline.right("1. takes a reference");
        timeline.left("2. stop");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        timeline.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                String.format("%-50s%s", "driver's thread", "holder's thread"),
                String.format("%-50s%s", "-".repeat(48), "-".repeat(48)),
                " ".repeat(50) + "1. takes a reference",
                "2. stop");
    }

    /** A long step wraps at a space and indents its continuation. */
    @Test
    void longStepsWrap() {
        String step = "10. resumes: NoClassDefFoundError org/devcd/driver/naive/ReleaseLog";

        assertThat(Timeline.wrap(step)).containsExactly("10. resumes: NoClassDefFoundError",
                "   org/devcd/driver/naive/ReleaseLog");
    }
}
