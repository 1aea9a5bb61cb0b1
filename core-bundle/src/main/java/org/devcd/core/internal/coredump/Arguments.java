package org.devcd.core.internal.coredump;

/** The checks of a driver's arguments at the API boundary, each with an exact message. */
final class Arguments {
    static final int MAX_DEVICE_LENGTH = 128;

    private Arguments() {
    }

    /** @return what is wrong with a device name, or null */
    static String deviceProblem(String device) {
        if (device == null || device.isEmpty() || device.length() > 2 * MAX_DEVICE_LENGTH || !printable(device)
                || device.codePointCount(0, device.length()) > MAX_DEVICE_LENGTH) {
            return "device: " + (device == null ? "null" : "'" + device + "'") + " (expected: 1 to "
                    + MAX_DEVICE_LENGTH + " printable characters, no spaces)";
        }
        return null;
    }

    /**
     * Every code point visible: a letter, mark, digit, punctuation or symbol. Refused: every kind of space (also the
     * no-break and ideographic ones), line and paragraph separators, control and format characters (zero-width ones
     * among them), unpaired surrogates, private-use and unassigned code points. Code point by code point, without a
     * stream: it runs on every registration, and an ASCII name costs one comparison per character.
     */
    private static boolean printable(String device) {
        for (int i = 0; i < device.length(); ) {
            int c = device.codePointAt(i);
            if (c > ' ' && c < 0x7f) {
                i++;
                continue;
            }
            switch (Character.getType(c)) {
                case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                        Character.UNASSIGNED -> {
                    return false;
                }
                default -> i += Character.charCount(c);
            }
        }
        return true;
    }
}
