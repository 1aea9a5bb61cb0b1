package org.devcd.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-column timeline in the style of the kernel's cpu0/cpu1 race diagrams, with columns named for who they are: each
 * line is one step, in the order it happened, in the column of the thread that did it.
 */
final class Timeline {
    static final int WIDTH = 50;

    private final String left;
    private final String right;
    private final List<String[]> rows = new ArrayList<>();

    Timeline(String left, String right) {
        this.left = left;
        this.right = right;
    }

    synchronized void left(String step) {
        rows.add(new String[] {step, ""});
    }

    synchronized void right(String step) {
        rows.add(new String[] {"", step});
    }

    synchronized void print(PrintStream out) {
        out.println(row(left, right));
        out.println(row("-".repeat(WIDTH - 2), "-".repeat(WIDTH - 2)));
        for (String[] row : rows) {
            List<String> leftLines = wrap(row[0]);
            List<String> rightLines = wrap(row[1]);
            for (int i = 0; i < Math.max(leftLines.size(), rightLines.size()); i++) {
                out.println(row(i < leftLines.size() ? leftLines.get(i) : "",
                        i < rightLines.size() ? rightLines.get(i) : "").stripTrailing());
            }
        }
    }

    private static String row(String leftText, String rightText) {
        return String.format("%-" + WIDTH + "s%s", leftText, rightText);
    }

    /** Breaks {@code text} into lines of at most WIDTH - 2 characters, at spaces where it can. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        int max = WIDTH - 2;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= 0) {
                cut = max;
            }
            lines.add(rest.substring(0, cut));
            rest = "   " + rest.substring(cut).strip();
        }
        lines.add(rest);
        return lines;
    }
}
